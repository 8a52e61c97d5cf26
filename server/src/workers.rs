//! Background work of a running server: the outbox worker, the checkpoint writer and retention.

use backend::Services;
use std::time::Duration;

/// How many due jobs one pass takes.
pub const OUTBOX_BATCH: i64 = 20;

/// Runs due jobs every `interval` for as long as the server runs. Several nodes may run this
/// against one PostgreSQL database: claims are leases taken with `SKIP LOCKED`.
pub fn spawn_outbox_worker(services: Services, interval: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        // The first pass comes after one interval, not at once: a server starting up has
        // nothing more urgent, and a test's server leaves its outbox to the test.
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + interval, interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            // Drain: a full batch means more may be due.
            loop {
                match services.outbox.run_due(OUTBOX_BATCH).await {
                    Ok(n) if n as i64 == OUTBOX_BATCH => continue,
                    Ok(_) => break,
                    Err(e) => {
                        tracing::error!(error = %e, "outbox run failed");
                        break;
                    }
                }
            }
        }
    })
}

/// Checkpoints every organisation's chain head every `interval`, and once soon after start, so
/// that a restart does not leave the newest entries without one for a whole interval. Several
/// nodes share one directory: whichever signs a head first writes it, and the others find it
/// recorded.
pub fn spawn_checkpoint_writer(services: Services, interval: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + Duration::from_secs(5).min(interval), interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match services.proof.checkpoint_all().await {
                Ok(0) => {}
                Ok(n) => tracing::info!(organisations = n, "chain heads checkpointed"),
                Err(e) => tracing::error!(error = %e, "checkpointing failed"),
            }
        }
    })
}

/// Applies every organisation's retention period once a day (the first time a minute after
/// start): people whose last consent change is older have their personal data erased.
pub fn spawn_retention(services: Services, interval: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + Duration::from_secs(60).min(interval), interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match services.principals.apply_retention().await {
                Ok(0) => {}
                Ok(n) => tracing::info!(people = n, "personal data past its retention period erased"),
                Err(e) => tracing::error!(error = %e, "applying retention failed"),
            }
        }
    })
}
