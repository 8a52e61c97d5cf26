//! Background work of a running server: retrying consent-link emails from the outbox.

use crate::dialects::consent_links::send_email;
use crate::state::AppState;
use std::time::Duration;

/// Sends every due email once; returns how many were attempted.
pub async fn run_email_outbox_once(state: &AppState) -> backend::Result<usize> {
    let jobs = state.store.claim_email_jobs(20, backend::now_ms()).await?;
    for job in &jobs {
        let outcome = async {
            let org = state.store.org(&job.org_id).await.map_err(|e| e.to_string())?;
            let request = state.store.consent_request(&job.org_id, &job.request_id).await.map_err(|e| e.to_string())?;
            let cp = state.store.collection_point(&job.org_id, &request.collection_point_id).await.map_err(|e| e.to_string())?;
            send_email(state, &org, &cp, &request).await
        }
        .await;
        if let Err(reason) = &outcome {
            tracing::warn!(request_id = %job.request_id, attempt = job.attempts + 1, %reason, "email retry failed");
        }
        state.store.finish_email_job(job, outcome).await?;
    }
    Ok(jobs.len())
}

/// Polls the outbox every few seconds for as long as the server runs.
pub fn spawn_email_worker(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tick.tick().await;
            if let Err(e) = run_email_outbox_once(&state).await {
                tracing::error!(error = ?e, "email outbox run failed");
            }
        }
    });
}
