//! Email through a real SMTP server (lettre), and the messages Assent sends. `ASSENT_SMTP_URL` is `smtp://host:port` for a
//! plain server (STARTTLS with `?tls=required`) or `smtps://user:pass@host` for implicit TLS.

use crate::i18n::{catalogue, Arg, Locale, Overrides};
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

#[derive(Clone)]
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    /// Why email cannot be sent, when it cannot.
    unavailable: Option<String>,
}

/// A branded message about a consent link, in the reader's language.
pub struct ConsentLinkEmail<'a> {
    pub to: &'a str,
    pub locale: &'a Locale,
    /// The organisation's own wording in that language.
    pub overrides: &'a Overrides,
    pub org_name: &'a str,
    pub brand_color: &'a str,
    pub logo_url: Option<&'a str>,
    pub collection_point_name: &'a str,
    pub link: &'a str,
    pub expires_at: &'a str,
}

impl Mailer {
    pub fn new(smtp_url: Option<&str>, from: Option<&str>) -> Self {
        let from = from.filter(|f| !f.trim().is_empty()).unwrap_or("Assent <assent@localhost>");
        let from: Mailbox = match from.parse() {
            Ok(m) => m,
            Err(e) => return Self::unavailable(format!("ASSENT_SMTP_FROM is not a valid address: {e}")),
        };
        match smtp_url.filter(|u| !u.trim().is_empty()) {
            None => Self { transport: None, from, unavailable: Some("SMTP is not configured (set ASSENT_SMTP_URL)".into()) },
            Some(url) => match AsyncSmtpTransport::<Tokio1Executor>::from_url(url) {
                Ok(builder) => Self { transport: Some(builder.timeout(Some(Duration::from_secs(15))).build()), from, unavailable: None },
                Err(e) => Self::unavailable(format!("ASSENT_SMTP_URL is not usable: {e}")),
            },
        }
    }

    fn unavailable(reason: String) -> Self {
        Self { transport: None, from: "Assent <assent@localhost>".parse().expect("static address"), unavailable: Some(reason) }
    }

    /// Why sending is impossible, if it is.
    pub fn unavailable_reason(&self) -> Option<&str> {
        self.unavailable.as_deref()
    }

    /// Sends the message; `Ok` only when the SMTP server accepted it.
    pub async fn send_consent_link(&self, mail: &ConsentLinkEmail<'_>) -> Result<(), SendError> {
        let Some(transport) = &self.transport else {
            return Err(SendError::permanent(self.unavailable.clone().unwrap_or_else(|| "SMTP is not configured".into())));
        };
        let to: Mailbox = mail.to.parse().map_err(|e| SendError::permanent(format!("invalid recipient: {e}")))?;
        let subject = mail.text("email-link-subject");
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .multipart(
                MultiPart::alternative()
                    .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(plain_text(mail)))
                    .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(html(mail))),
            )
            .map_err(|e| SendError::permanent(format!("could not build the message: {e}")))?;
        transport.send(message).await.map(|_| ()).map_err(|e| SendError {
            // A 5xx answer will not change on retry; a refused connection or a 4xx might.
            permanent: e.is_permanent(),
            reason: format!("the SMTP server did not accept the message: {e}"),
        })
    }
}

/// Why a message was not sent, and whether trying again could help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    pub reason: String,
    pub permanent: bool,
}

impl SendError {
    fn permanent(reason: String) -> Self {
        Self { reason, permanent: true }
    }
}

impl ConsentLinkEmail<'_> {
    /// One of the email's messages, with this email's values filled in.
    fn text(&self, key: &str) -> String {
        let args: [(&str, Arg); 3] =
            [("org", self.org_name.into()), ("collection", self.collection_point_name.into()), ("date", self.expires_at.into())];
        catalogue().format(self.locale, self.overrides, key, &args)
    }
}

fn plain_text(m: &ConsentLinkEmail<'_>) -> String {
    format!("{intro}\n\n{link}\n\n{expiry}\n", intro = m.text("email-link-intro"), link = m.link, expiry = m.text("email-link-expiry"),)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

fn html(m: &ConsentLinkEmail<'_>) -> String {
    let color = escape(m.brand_color);
    let logo = m
        .logo_url
        .map(|u| format!(r#"<img src="{}" alt="{}" style="max-height:40px;margin-bottom:12px">"#, escape(u), escape(m.org_name)))
        .unwrap_or_default();
    format!(
        r#"<!doctype html><html lang="{lang}" dir="{dir}"><body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1b1f24">
<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:12px;border-top:6px solid {color};padding:24px">
{logo}<h1 style="font-size:20px;margin:0 0 12px">{heading}</h1>
<p>{intro}</p>
<p style="margin:24px 0"><a href="{link}" style="background:{color};color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">{button}</a></p>
<p style="font-size:13px;color:#5b6470">{expiry}<br>{link}</p>
</div></body></html>"#,
        lang = m.locale.code(),
        dir = m.locale.dir(),
        heading = escape(&m.text("email-link-heading")),
        intro = escape(&m.text("email-link-intro")),
        button = escape(&m.text("email-link-button")),
        expiry = escape(&m.text("email-link-expiry")),
        link = escape(m.link),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn without_smtp_sending_fails_with_the_reason() {
        let mailer = Mailer::new(None, None);
        assert!(mailer.unavailable_reason().unwrap().contains("ASSENT_SMTP_URL"));
        let mail = ConsentLinkEmail {
            to: "a@b.test",
            locale: catalogue().source(),
            overrides: &Overrides::default(),
            org_name: "Acme",
            brand_color: "#123456",
            logo_url: None,
            collection_point_name: "Signup",
            link: "http://x/y",
            expires_at: "soon",
        };
        let err = mailer.send_consent_link(&mail).await.unwrap_err();
        assert!(err.reason.contains("not configured"));
        assert!(err.permanent, "retrying cannot help until the server is configured");
    }

    #[test]
    fn html_is_escaped_and_branded() {
        let mail = ConsentLinkEmail {
            to: "a@b.test",
            locale: catalogue().source(),
            overrides: &Overrides::default(),
            org_name: "A<b>",
            brand_color: "#123456",
            logo_url: None,
            collection_point_name: "S",
            link: "http://x/?a=1&b=2",
            expires_at: "t",
        };
        let h = html(&mail);
        assert!(h.contains("A&lt;b&gt;"));
        assert!(h.contains("http://x/?a=1&amp;b=2"));
        assert!(h.contains("#123456"));
    }

    #[test]
    fn the_email_speaks_the_reader_s_language_and_the_organisation_s_words() {
        let ta = catalogue().locale("ta").unwrap();
        let overrides = Overrides::new([("email-link-button".to_string(), "பார்க்க".to_string())].into());
        let mail = ConsentLinkEmail {
            to: "a@b.test",
            locale: ta,
            overrides: &overrides,
            org_name: "Acme",
            brand_color: "#123456",
            logo_url: None,
            collection_point_name: "Signup",
            link: "http://x/y",
            expires_at: "2026-11-24 22:45 UTC",
        };
        let h = html(&mail);
        assert!(h.contains(r#"lang="ta""#));
        assert!(h.contains("பார்க்க"), "the override");
        assert!(h.contains(&escape(&catalogue().format(ta, &Overrides::default(), "email-link-heading", &[("org", "Acme".into())]))));
        assert!(!plain_text(&mail).contains("asks for your consent"), "{}", plain_text(&mail));
    }
}
