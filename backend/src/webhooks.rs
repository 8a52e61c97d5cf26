//! Outgoing webhooks, per the Standard Webhooks specification (<https://www.standardwebhooks.com>):
//! signing secrets, signatures, the retry schedule, and one delivery attempt.
//!
//! A webhook URL is chosen by a customer, and the server sends to it from inside the operator's
//! network, so every attempt goes through a guard against server-side request forgery: the URL
//! is resolved, every address it resolves to must be a public one (or in a network the
//! administrator allowed), and the request then connects to exactly the address that was
//! checked. Resolving again at connect time would let a name answer differently the second
//! time (DNS rebinding); following a redirect would let a public server point the request
//! back inside. Neither happens here.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use ipnet::IpNet;
use rand::RngCore;
use sha2::Sha256;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::str::FromStr;
use std::time::Duration;
use url::{Host, Url};

type HmacSha256 = Hmac<Sha256>;

const SECRET_PREFIX: &str = "whsec_";
/// What [`SigningSecret::generate`] draws: the specification asks for 24 to 64 bytes.
const GENERATED_SECRET_BYTES: usize = 24;
const MIN_SECRET_BYTES: usize = 24;
const MAX_SECRET_BYTES: usize = 64;

const MAX_URL_LEN: usize = 2048;
const USER_AGENT: &str = "Assent-Webhooks/1";
/// How much of a response body is read at most; the rest is never downloaded.
const MAX_BODY_READ: usize = 64 * 1024;
/// How much of the response body is kept for the delivery log.
const SNIPPET_BYTES: usize = 1024;
/// A receiver cannot park a delivery for longer than this with `Retry-After`.
const MAX_RETRY_AFTER_SECS: u64 = 24 * 60 * 60;

const CLOUD_METADATA_V4: Ipv4Addr = Ipv4Addr::new(169, 254, 169, 254);
const AWS_METADATA_V6: Ipv6Addr = Ipv6Addr::new(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254);

/// `whsec_` + base64 of the key bytes (24 random bytes when generated).
#[derive(Clone, PartialEq, Eq)]
pub struct SigningSecret(Vec<u8>);

impl fmt::Debug for SigningSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningSecret(***)")
    }
}

impl SigningSecret {
    /// A new random secret.
    pub fn generate() -> Self {
        let mut bytes = vec![0u8; GENERATED_SECRET_BYTES];
        rand::thread_rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// Parses `whsec_<base64>`; anything else is Error::invalid("secret", ...).
    pub fn parse(s: &str) -> crate::Result<Self> {
        let invalid = || {
            crate::Error::invalid(
                "secret",
                format!("must be 'whsec_' followed by the base64 of {MIN_SECRET_BYTES} to {MAX_SECRET_BYTES} bytes"),
            )
        };
        let encoded = s.trim().strip_prefix(SECRET_PREFIX).ok_or_else(invalid)?;
        let bytes = BASE64.decode(encoded).map_err(|_| invalid())?;
        if (MIN_SECRET_BYTES..=MAX_SECRET_BYTES).contains(&bytes.len()) {
            Ok(Self(bytes))
        } else {
            Err(invalid())
        }
    }

    /// The form receivers configure: `whsec_` + base64.
    pub fn to_whsec(&self) -> String {
        format!("{SECRET_PREFIX}{}", BASE64.encode(&self.0))
    }

    /// The MAC over the signed content, ready for either a signature or a comparison.
    fn mac(&self, msg_id: &str, timestamp_secs: i64, body: &[u8]) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC accepts keys of any length");
        mac.update(msg_id.as_bytes());
        mac.update(b".");
        mac.update(timestamp_secs.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac
    }
}

/// `v1,<base64(HMAC-SHA256(key, "{msg_id}.{timestamp}.{body}"))>`
pub fn sign(secret: &SigningSecret, msg_id: &str, timestamp_secs: i64, body: &[u8]) -> String {
    let tag = secret.mac(msg_id, timestamp_secs, body).finalize().into_bytes();
    format!("v1,{}", BASE64.encode(tag))
}

/// The `webhook-signature` header value: one `v1,…` per secret, space-separated (during a
/// rotation's overlap Assent signs with the new and the previous secret).
pub fn signature_header(secrets: &[&SigningSecret], msg_id: &str, timestamp_secs: i64, body: &[u8]) -> String {
    secrets.iter().map(|secret| sign(secret, msg_id, timestamp_secs, body)).collect::<Vec<_>>().join(" ")
}

/// What a receiver does: true when any `v1,` signature in `header` matches (constant-time
/// compare via hmac's verify_slice) and |now - timestamp| <= tolerance_secs.
pub fn verify(
    secret: &SigningSecret,
    msg_id: &str,
    timestamp_secs: i64,
    body: &[u8],
    header: &str,
    now_secs: i64,
    tolerance_secs: i64,
) -> bool {
    // The timestamp is signed, so a fresh one cannot be pasted onto an old message: checking it
    // bounds how long a captured delivery can be replayed.
    let fresh = u64::try_from(tolerance_secs).is_ok_and(|tolerance| now_secs.abs_diff(timestamp_secs) <= tolerance);
    if !fresh {
        return false;
    }
    let expected = secret.mac(msg_id, timestamp_secs, body);
    header
        .split_whitespace()
        .filter_map(|candidate| candidate.strip_prefix("v1,"))
        .filter_map(|encoded| BASE64.decode(encoded).ok())
        .any(|tag| expected.clone().verify_slice(&tag).is_ok())
}

/// Networks the admin allowed as webhook destinations despite the guard (`ASSENT_WEBHOOK_ALLOW_CIDRS`).
#[derive(Debug, Clone, Default)]
pub struct AddressPolicy {
    allow: Vec<IpNet>,
}

impl FromStr for AddressPolicy {
    type Err = String;
    /// Comma-separated CIDRs or single addresses: `10.20.0.0/16, 192.168.1.7`.
    fn from_str(s: &str) -> Result<Self, String> {
        let mut allow = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let net = IpNet::from_str(part)
                .or_else(|_| IpAddr::from_str(part).map(IpNet::from))
                .map_err(|_| format!("'{part}' is not an address or a CIDR such as 10.0.0.0/8"))?;
            allow.push(net);
        }
        Ok(Self { allow })
    }
}

impl AddressPolicy {
    /// Ok when `ip` may be connected to: either it is a public unicast address, or an allowed
    /// network contains it. Err(reason) otherwise, e.g. "127.0.0.1 is a loopback address".
    pub fn permits(&self, ip: IpAddr) -> Result<(), String> {
        match self.refusal(ip) {
            None => Ok(()),
            Some(reason) => Err(format!("{ip} is {reason}")),
        }
    }

    fn refusal(&self, ip: IpAddr) -> Option<&'static str> {
        if self.allows(ip) {
            None
        } else {
            forbidden_reason(ip)
        }
    }

    fn allows(&self, ip: IpAddr) -> bool {
        let contains = |ip: IpAddr| self.allow.iter().any(|net| net.contains(&ip));
        // An address that reaches an IPv4 host through translation is that host: allowing
        // 127.0.0.0/8 also allows ::ffff:127.0.0.1.
        contains(ip)
            || match ip {
                IpAddr::V6(v6) => translated_ipv4(v6).is_some_and(|v4| contains(IpAddr::V4(v4))),
                IpAddr::V4(_) => false,
            }
    }
}

/// Why an address is not a public destination, or None when it is.
pub fn forbidden_reason(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => ipv4_reason(v4),
        IpAddr::V6(v6) => ipv6_reason(v6),
    }
}

fn ipv4_reason(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, d] = ip.octets();
    let reason = match (a, b, c) {
        (0, _, _) => "an unspecified address",
        (127, _, _) => "a loopback address",
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) => "a private address",
        _ if ip == CLOUD_METADATA_V4 => "the cloud metadata address",
        (169, 254, _) => "a link-local address",
        (100, 64..=127, _) => "a carrier-grade NAT (shared) address",
        (224..=239, _, _) => "a multicast address",
        (255, 255, 255) if d == 255 => "the broadcast address",
        (240..=255, _, _) => "a reserved address",
        (192, 0, 0) => "an IETF protocol assignment address",
        (198, 18..=19, _) => "a benchmarking address",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "a documentation address",
        _ => return None,
    };
    Some(reason)
}

fn ipv6_reason(ip: Ipv6Addr) -> Option<&'static str> {
    let s = ip.segments();
    if ip.is_unspecified() {
        return Some("an unspecified address");
    }
    if ip.is_loopback() {
        return Some("a loopback address");
    }
    if let Some(v4) = translated_ipv4(ip) {
        return ipv4_reason(v4);
    }
    if s[0] == 0x2002 {
        // 6to4 carries the tunnel endpoint's IPv4 address; one inside the network is a way in.
        let o = ip.octets();
        return ipv4_reason(Ipv4Addr::new(o[2], o[3], o[4], o[5])).map(|_| "a 6to4 address of a non-public IPv4 address");
    }
    let reason = if s[0] == 0x2001 && s[1] == 0 {
        "a Teredo tunnel address"
    } else if s[0] == 0x2001 && s[1] < 0x0200 {
        "an IETF protocol assignment address"
    } else if (s[0] == 0x2001 && s[1] == 0x0db8) || (s[0] == 0x3fff && s[1] < 0x1000) {
        "a documentation address"
    } else if s[..4] == [0x0100, 0, 0, 0] {
        "a discard-only address"
    } else if ip == AWS_METADATA_V6 {
        "the AWS IPv6 metadata address"
    } else if s[0] & 0xfe00 == 0xfc00 {
        "a unique-local (private) address"
    } else if s[0] & 0xffc0 == 0xfe80 {
        "a link-local address"
    } else if s[0] & 0xffc0 == 0xfec0 {
        "a site-local address"
    } else if s[0] & 0xff00 == 0xff00 {
        "a multicast address"
    } else if s[0] & 0xe000 != 0x2000 {
        // Only 2000::/3 is allocated for global unicast; the rest is reserved.
        "a reserved address"
    } else {
        return None;
    };
    Some(reason)
}

/// The IPv4 host an IPv6 address stands for when packets to it reach that host: IPv4-mapped
/// (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`) and NAT64 (`64:ff9b::/96`, and the
/// local-use `64:ff9b:1::/48` read with the usual /96 layout, the address in the last 32 bits).
fn translated_ipv4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let mapped = s[..5] == [0, 0, 0, 0, 0] && s[5] == 0xffff;
    // `::` and `::1` also have 96 leading zero bits, but they are IPv6's own addresses.
    let compatible = s[..6] == [0, 0, 0, 0, 0, 0] && !ip.is_unspecified() && !ip.is_loopback();
    let nat64 = s[..6] == [0x0064, 0xff9b, 0, 0, 0, 0];
    let local_nat64 = s[..3] == [0x0064, 0xff9b, 0x0001];
    if mapped || compatible || nat64 || local_nat64 {
        let o = ip.octets();
        Some(Ipv4Addr::new(o[12], o[13], o[14], o[15]))
    } else {
        None
    }
}

/// A URL that passed the guard, with the one address to connect to.
#[derive(Debug, Clone)]
pub struct CheckedUrl {
    pub url: Url,
    pub addr: SocketAddr,
}

/// Why a URL did not pass: the guard refused it, or its host could not be looked up (which
/// may well work on the next attempt).
enum CheckError {
    Refused(String),
    Unresolved(String),
}

impl CheckError {
    fn into_message(self) -> String {
        match self {
            CheckError::Refused(m) | CheckError::Unresolved(m) => m,
        }
    }
}

/// Parses (http/https only, with a host, no userinfo, at most 2048 chars), resolves the host
/// (tokio::net::lookup_host; an IP literal is not looked up), and refuses unless EVERY resolved
/// address is permitted (so a name that also resolves to an internal address is refused). Err
/// is a sentence a client can read ("the webhook URL resolves to 10.0.0.5, a private address; ...").
pub async fn check_url(policy: &AddressPolicy, raw: &str) -> Result<CheckedUrl, String> {
    check(policy, raw).await.map_err(CheckError::into_message)
}

async fn check(policy: &AddressPolicy, raw: &str) -> Result<CheckedUrl, CheckError> {
    let refused = CheckError::Refused;
    let too_long = || refused(format!("the webhook URL must be at most {MAX_URL_LEN} characters"));
    let raw = raw.trim();
    if raw.len() > MAX_URL_LEN {
        return Err(too_long());
    }
    let url = Url::parse(raw).map_err(|e| refused(format!("the webhook URL is not a valid URL ({e})")))?;
    // Parsing percent-encodes what needs it, so the URL actually sent can be longer than the input.
    if url.as_str().len() > MAX_URL_LEN {
        return Err(too_long());
    }
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refused(format!("the webhook URL must use http or https, not {}", url.scheme())));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refused("the webhook URL must not contain a user name or password; use a header or a token in the path".into()));
    }
    let port = url.port_or_known_default().ok_or_else(|| refused("the webhook URL has no port".into()))?;
    // The WHATWG parser has already turned every IPv4 spelling (decimal, octal, hex, short
    // forms) into an address, so an address is judged as an address and never as text.
    let addrs = match url.host() {
        None => return Err(refused("the webhook URL must have a host".into())),
        Some(Host::Ipv4(ip)) => vec![IpAddr::V4(ip)],
        Some(Host::Ipv6(ip)) => vec![IpAddr::V6(ip)],
        Some(Host::Domain(name)) => {
            // A resolver that does not answer must not hold a subscription request (or an
            // attempt) for its own timeouts, which can be tens of seconds.
            let resolved = tokio::time::timeout(std::time::Duration::from_secs(5), tokio::net::lookup_host((name, port)))
                .await
                .map_err(|_| CheckError::Unresolved(format!("the webhook host {name} did not resolve within 5 s")))?
                .map_err(|e| CheckError::Unresolved(format!("the webhook host {name} could not be resolved ({e})")))?;
            let mut addrs: Vec<IpAddr> = Vec::new();
            for addr in resolved {
                if !addrs.contains(&addr.ip()) {
                    addrs.push(addr.ip());
                }
            }
            if addrs.is_empty() {
                return Err(CheckError::Unresolved(format!("the webhook host {name} has no addresses")));
            }
            addrs
        }
    };
    for ip in &addrs {
        if let Some(reason) = policy.refusal(*ip) {
            return Err(refused(format!(
                "the webhook URL resolves to {ip}, {reason}; webhooks are delivered only to public addresses \
                 (the server's administrator can allow internal networks with ASSENT_WEBHOOK_ALLOW_CIDRS)"
            )));
        }
    }
    // One address only, so prefer IPv4: many servers (containers above all) have no IPv6 route.
    let ip = addrs.iter().copied().find(IpAddr::is_ipv4).unwrap_or(addrs[0]);
    Ok(CheckedUrl { addr: SocketAddr::new(ip, port), url })
}

/// Connect and total time limits for one delivery attempt.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: Duration,
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self { connect: Duration::from_secs(5), total: Duration::from_secs(15) }
    }
}

/// One delivery attempt's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptResult {
    /// The HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// From `Retry-After` (seconds, or an HTTP date), capped at one day.
    pub retry_after_secs: Option<u64>,
    /// Why it failed before a status arrived (refused by the guard, connect error, timeout).
    pub error: Option<String>,
    /// Wall time of the whole attempt, the guard's DNS lookup included.
    pub duration_ms: i64,
    /// At most the first 1 KB of the response body, lossy UTF-8 (the body read is bounded:
    /// never more than 64 KB is read).
    pub response_snippet: String,
    /// True when the guard refused the destination and no connection was opened.
    pub refused: bool,
}

impl AttemptResult {
    /// An attempt that sent nothing (yet): no status, no answer, and `error` if it will not.
    pub fn unsent(error: Option<String>) -> Self {
        Self { status: None, retry_after_secs: None, error, duration_ms: 0, response_snippet: String::new(), refused: false }
    }
}

/// POSTs `body` (Content-Type: application/json) with `headers` to `url`: runs check_url first
/// (on every attempt, so DNS changes since subscription are caught), then connects ONLY to the
/// checked address, does not follow redirects, applies the connect and total timeouts, sends
/// the user agent "Assent-Webhooks/1", ignores proxies from the environment, and reads at most
/// 64 KB of the response body.
pub async fn post(policy: &AddressPolicy, url: &str, headers: &[(String, String)], body: Vec<u8>, timeouts: Timeouts) -> AttemptResult {
    let started = std::time::Instant::now();
    let deadline = tokio::time::Instant::now() + timeouts.total;
    let mut result = AttemptResult::unsent(None);
    match tokio::time::timeout_at(deadline, check(policy, url)).await {
        Err(_) => result.error = Some("timed out resolving the webhook host".into()),
        Ok(Err(CheckError::Refused(message))) => {
            result.error = Some(message);
            result.refused = true;
        }
        Ok(Err(CheckError::Unresolved(message))) => result.error = Some(message),
        Ok(Ok(checked)) => deliver(&checked, headers, body, timeouts, deadline, &mut result).await,
    }
    result.duration_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    result
}

async fn deliver(
    checked: &CheckedUrl,
    headers: &[(String, String)],
    body: Vec<u8>,
    timeouts: Timeouts,
    deadline: tokio::time::Instant,
    result: &mut AttemptResult,
) {
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeouts.connect)
        .timeout(timeouts.total)
        .user_agent(USER_AGENT)
        .no_proxy();
    // The name keeps its place in the Host header and TLS (SNI, certificate check); only the
    // lookup is replaced by the address the guard approved.
    if let Some(Host::Domain(name)) = checked.url.host() {
        builder = builder.resolve(name, checked.addr);
    }
    let client = match builder.build() {
        Ok(client) => client,
        Err(e) => {
            result.error = Some(format!("could not set up the HTTP client: {}", describe(&e)));
            return;
        }
    };
    let mut request = client.post(checked.url.clone()).header(reqwest::header::CONTENT_TYPE, "application/json");
    for (name, value) in headers {
        // The body is JSON by contract; a second Content-Type would contradict it.
        if name.eq_ignore_ascii_case("content-type") {
            continue;
        }
        request = request.header(name.as_str(), value.as_str());
    }
    let mut response = match tokio::time::timeout_at(deadline, request.body(body).send()).await {
        Err(_) => {
            result.error = Some(format!("timed out after {} s", timeouts.total.as_secs()));
            return;
        }
        Ok(Err(e)) => {
            result.error = Some(describe(&e));
            return;
        }
        Ok(Ok(response)) => response,
    };
    result.status = Some(response.status().as_u16());
    result.retry_after_secs = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| parse_retry_after(value, unix_now_secs()));
    // The status decides the attempt; the body is only a hint for the log, so a slow or broken
    // body ends the read without failing the attempt, and a huge one is never downloaded.
    let mut kept = Vec::new();
    let mut read = 0usize;
    while read < MAX_BODY_READ {
        match tokio::time::timeout_at(deadline, response.chunk()).await {
            Ok(Ok(Some(chunk))) => {
                read += chunk.len();
                let room = SNIPPET_BYTES.saturating_sub(kept.len()).min(chunk.len());
                kept.extend_from_slice(&chunk[..room]);
            }
            _ => break,
        }
    }
    result.response_snippet = String::from_utf8_lossy(&kept).into_owned();
}

/// What went wrong, with its causes. reqwest's own message names the URL, which the log
/// already has; the causes say what happened (refused, reset, certificate, ...).
fn describe(err: &reqwest::Error) -> String {
    let mut message = String::from(if err.is_timeout() {
        "timed out"
    } else if err.is_connect() {
        "could not connect"
    } else if err.is_builder() {
        "invalid request"
    } else {
        "request failed"
    });
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = std::error::Error::source(cause);
    }
    message
}

fn unix_now_secs() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)).unwrap_or(0)
}

/// `Retry-After` is either a number of seconds or an HTTP date (IMF-fixdate, which RFC 2822
/// parsing covers); a date in the past means now.
fn parse_retry_after(value: &str, now_secs: i64) -> Option<u64> {
    let value = value.trim();
    let secs = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for u64 is still "a very long time".
        value.parse::<u64>().unwrap_or(u64::MAX)
    } else {
        let at = chrono::DateTime::parse_from_rfc2822(value).ok()?.timestamp();
        u64::try_from(at.saturating_sub(now_secs)).unwrap_or(0)
    };
    Some(secs.min(MAX_RETRY_AFTER_SECS))
}

/// Attempts per message, the first included: one plus a retry after each delay in [`retry_delay_ms`].
pub const MAX_ATTEMPTS: i64 = 11;

/// The waits between attempts, in seconds: quick at first for a blip, then stretching out so a
/// receiver that is down for a weekend still gets its messages.
const RETRY_SCHEDULE_SECS: [i64; 10] = [5, 60, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 14 * 3600, 20 * 3600, 24 * 3600];

/// Delays after the n-th failed attempt (n = attempts done, 1-based): 5 s, 1 min, 5 min,
/// 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h (about three days in all); None after the 10th
/// failure (give up: 11 attempts in all). `jitter` in [0, 1) spreads the delay by ±20%
/// (0.5 = no change). A count below 1 is taken as 1.
pub fn retry_delay_ms(failed_attempts: i64, jitter: f64) -> Option<i64> {
    let index = usize::try_from(failed_attempts.max(1) - 1).ok()?;
    let base_ms = RETRY_SCHEDULE_SECS.get(index)? * 1000;
    // Spreading the delays keeps messages that failed together (a receiver's outage) from
    // all coming back at the same instant when it recovers.
    let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.5 };
    let factor = 0.8 + 0.4 * jitter;
    Some((base_ms as f64 * factor).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    const SPEC_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const SPEC_MSG_ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    const SPEC_TIMESTAMP: i64 = 1614265330;
    const SPEC_BODY: &[u8] = br#"{"test": 2432232314}"#;
    const SPEC_SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn loopback_policy() -> AddressPolicy {
        "127.0.0.0/8".parse().unwrap()
    }

    #[test]
    fn signs_the_specification_test_vector() {
        let secret = SigningSecret::parse(SPEC_SECRET).unwrap();
        assert_eq!(sign(&secret, SPEC_MSG_ID, SPEC_TIMESTAMP, SPEC_BODY), SPEC_SIGNATURE);
        assert_eq!(secret.to_whsec(), SPEC_SECRET);
    }

    #[test]
    fn verify_checks_signature_and_freshness() {
        let secret = SigningSecret::parse(SPEC_SECRET).unwrap();
        let ok =
            |body: &[u8], secret: &SigningSecret, now: i64| verify(secret, SPEC_MSG_ID, SPEC_TIMESTAMP, body, SPEC_SIGNATURE, now, 300);
        assert!(ok(SPEC_BODY, &secret, SPEC_TIMESTAMP));
        assert!(ok(SPEC_BODY, &secret, SPEC_TIMESTAMP + 300));
        assert!(ok(SPEC_BODY, &secret, SPEC_TIMESTAMP - 300));
        assert!(!ok(&br#"{"test": 2432232315}"#[..], &secret, SPEC_TIMESTAMP), "changed body");
        assert!(!ok(SPEC_BODY, &SigningSecret::generate(), SPEC_TIMESTAMP), "wrong secret");
        assert!(!ok(SPEC_BODY, &secret, SPEC_TIMESTAMP + 301), "stale");
        assert!(!ok(SPEC_BODY, &secret, SPEC_TIMESTAMP - 301), "from the future");
        assert!(!verify(&secret, "msg_other", SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE, SPEC_TIMESTAMP, 300), "other message id");
        assert!(!verify(&secret, SPEC_MSG_ID, SPEC_TIMESTAMP + 1, SPEC_BODY, SPEC_SIGNATURE, SPEC_TIMESTAMP, 300), "other timestamp");
        assert!(!verify(&secret, SPEC_MSG_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE, SPEC_TIMESTAMP, -1), "negative tolerance");
        for junk in ["", "v1,", "v1,!!!", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="]
        {
            assert!(!verify(&secret, SPEC_MSG_ID, SPEC_TIMESTAMP, SPEC_BODY, junk, SPEC_TIMESTAMP, 300), "{junk}");
        }
        let among_others = format!("v1a,xyz v1,AAAA {SPEC_SIGNATURE}");
        assert!(verify(&secret, SPEC_MSG_ID, SPEC_TIMESTAMP, SPEC_BODY, &among_others, SPEC_TIMESTAMP, 300));
    }

    #[test]
    fn a_rotation_header_verifies_under_either_secret() {
        let new = SigningSecret::generate();
        let previous = SigningSecret::generate();
        let header = signature_header(&[&new, &previous], "msg_1", 1_700_000_000, b"{}");
        assert_eq!(header.split(' ').count(), 2);
        assert!(header.split(' ').all(|s| s.starts_with("v1,")));
        assert!(verify(&new, "msg_1", 1_700_000_000, b"{}", &header, 1_700_000_010, 300));
        assert!(verify(&previous, "msg_1", 1_700_000_000, b"{}", &header, 1_700_000_010, 300));
        assert!(!verify(&SigningSecret::generate(), "msg_1", 1_700_000_000, b"{}", &header, 1_700_000_010, 300));
        assert_eq!(signature_header(&[&new], "msg_1", 1, b"x"), sign(&new, "msg_1", 1, b"x"));
    }

    #[test]
    fn secrets_round_trip_and_stay_out_of_logs() {
        let secret = SigningSecret::generate();
        let whsec = secret.to_whsec();
        assert!(whsec.starts_with("whsec_"));
        assert_eq!(BASE64.decode(&whsec["whsec_".len()..]).unwrap().len(), 24);
        assert_eq!(SigningSecret::parse(&whsec).unwrap(), secret);
        assert_ne!(SigningSecret::generate(), secret);
        assert_eq!(format!("{secret:?}"), "SigningSecret(***)");
        for bad in [
            "",
            "whsec_",
            "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "whsec_!!!notbase64!!!",
            "whsec_c2hvcnQ=",
            "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        ] {
            let err = SigningSecret::parse(bad).unwrap_err();
            assert!(matches!(err, crate::Error::Invalid { field: "secret", .. }), "{bad}: {err}");
        }
    }

    #[test]
    fn the_guard_refuses_every_internal_range() {
        let cases = [
            ("0.0.0.0", "unspecified"),
            ("0.1.2.3", "unspecified"),
            ("::", "unspecified"),
            ("127.0.0.1", "loopback"),
            ("127.255.0.9", "loopback"),
            ("::1", "loopback"),
            ("10.0.0.5", "private"),
            ("172.16.0.1", "private"),
            ("172.31.255.254", "private"),
            ("192.168.1.1", "private"),
            ("169.254.169.254", "cloud metadata"),
            ("169.254.1.1", "link-local"),
            ("fe80::1", "link-local"),
            ("100.64.0.1", "carrier-grade NAT"),
            ("100.127.255.254", "carrier-grade NAT"),
            ("224.0.0.1", "multicast"),
            ("239.255.255.250", "multicast"),
            ("ff02::1", "multicast"),
            ("255.255.255.255", "broadcast"),
            ("240.0.0.1", "reserved"),
            ("192.0.0.8", "IETF protocol assignment"),
            ("198.18.0.1", "benchmarking"),
            ("198.19.255.1", "benchmarking"),
            ("192.0.2.1", "documentation"),
            ("198.51.100.7", "documentation"),
            ("203.0.113.9", "documentation"),
            ("2001:db8::1", "documentation"),
            ("fd00:ec2::254", "AWS IPv6 metadata"),
            ("fd12:3456::1", "unique-local"),
            ("fc00::1", "unique-local"),
            ("::ffff:127.0.0.1", "loopback"),
            ("::ffff:10.0.0.1", "private"),
            ("::ffff:169.254.169.254", "cloud metadata"),
            ("::127.0.0.1", "loopback"),
            ("::10.1.2.3", "private"),
            ("64:ff9b::10.0.0.1", "private"),
            ("64:ff9b::127.0.0.1", "loopback"),
            ("64:ff9b:1::192.168.0.1", "private"),
            ("2002:7f00:1::1", "6to4"),
            ("2002:a00:1::", "6to4"),
            ("2001::1", "Teredo"),
            ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"),
            ("100::1", "discard-only"),
            ("fec0::1", "site-local"),
            ("4000::1", "reserved"),
        ];
        let policy = AddressPolicy::default();
        for (addr, expected) in cases {
            let reason = forbidden_reason(ip(addr)).unwrap_or_else(|| panic!("{addr} should be refused"));
            assert!(reason.contains(expected), "{addr}: {reason}");
            let err = policy.permits(ip(addr)).unwrap_err();
            assert_eq!(err, format!("{} is {reason}", ip(addr)));
        }
        assert_eq!(policy.permits(ip("127.0.0.1")).unwrap_err(), "127.0.0.1 is a loopback address");
    }

    #[test]
    fn the_guard_permits_public_addresses() {
        let policy = AddressPolicy::default();
        for addr in [
            "8.8.8.8",
            "1.1.1.1",
            "172.15.255.255",
            "172.32.0.1",
            "100.63.255.255",
            "100.128.0.1",
            "169.253.1.1",
            "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e",
            "::ffff:8.8.8.8",
            "64:ff9b::8.8.8.8",
            "2002:808:808::1",
        ] {
            assert_eq!(forbidden_reason(ip(addr)), None, "{addr}");
            assert_eq!(policy.permits(ip(addr)), Ok(()), "{addr}");
        }
    }

    #[test]
    fn an_allowed_network_overrides_the_guard() {
        let policy = loopback_policy();
        assert_eq!(policy.permits(ip("127.0.0.1")), Ok(()));
        assert_eq!(policy.permits(ip("::ffff:127.0.0.1")), Ok(()));
        assert!(policy.permits(ip("10.0.0.1")).is_err());
        assert!(policy.permits(ip("::1")).is_err(), "IPv6 loopback is not in 127.0.0.0/8");
        let mixed: AddressPolicy = " 10.20.0.0/16 , 192.168.1.7, fd00::/8 ".parse().unwrap();
        assert_eq!(mixed.permits(ip("10.20.3.4")), Ok(()));
        assert_eq!(mixed.permits(ip("192.168.1.7")), Ok(()));
        assert!(mixed.permits(ip("192.168.1.8")).is_err());
        assert_eq!(mixed.permits(ip("fd00::5")), Ok(()));
        assert!("10.0.0.0/33".parse::<AddressPolicy>().is_err());
        assert!("localhost".parse::<AddressPolicy>().is_err());
        assert!("".parse::<AddressPolicy>().unwrap().allow.is_empty());
    }

    #[test]
    fn the_url_parser_reads_every_ipv4_spelling_as_an_address() {
        for spelling in ["http://2130706433/", "http://0x7f.1/", "http://017700000001/", "http://127.1/", "http://127.0.0.1/"] {
            let url = Url::parse(spelling).unwrap();
            assert_eq!(url.host(), Some(Host::Ipv4(Ipv4Addr::LOCALHOST)), "{spelling}");
        }
    }

    #[tokio::test]
    async fn check_url_refuses_internal_and_malformed_urls() {
        let policy = AddressPolicy::default();
        for raw in [
            "http://127.0.0.1/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://017700000001/",
            "http://127.1/",
            "http://[::1]/",
            "http://[::ffff:127.0.0.1]/",
        ] {
            let err = check_url(&policy, raw).await.unwrap_err();
            assert!(err.contains("loopback"), "{raw}: {err}");
            assert!(err.starts_with("the webhook URL resolves to "), "{raw}: {err}");
        }
        let err = check_url(&policy, "http://localhost:1/").await.unwrap_err();
        assert!(err.contains("localhost") || err.contains("loopback"), "{err}");
        let err = check_url(&policy, "http://10.0.0.5/hook").await.unwrap_err();
        assert!(err.starts_with("the webhook URL resolves to 10.0.0.5, a private address; "), "{err}");
        let err = check_url(&policy, "http://169.254.169.254/latest/meta-data/").await.unwrap_err();
        assert!(err.contains("cloud metadata"), "{err}");
        for (raw, expected) in [
            ("ftp://example.com/", "http or https"),
            ("http://user:pw@example.com/", "user name or password"),
            ("http://user@example.com/", "user name or password"),
            ("not a url", "not a valid URL"),
            ("file:///etc/passwd", "http or https"),
        ] {
            let err = check_url(&policy, raw).await.unwrap_err();
            assert!(err.contains(expected), "{raw}: {err}");
        }
        let long = format!("http://8.8.8.8/{}", "a".repeat(MAX_URL_LEN));
        assert!(check_url(&policy, &long).await.unwrap_err().contains("at most 2048"));
    }

    #[tokio::test]
    async fn check_url_accepts_an_allowed_literal_without_dns() {
        let checked = check_url(&loopback_policy(), "http://127.0.0.1:9/x").await.unwrap();
        assert_eq!(checked.addr, "127.0.0.1:9".parse::<SocketAddr>().unwrap());
        assert_eq!(checked.url.path(), "/x");
        let checked = check_url(&AddressPolicy::default(), "https://8.8.8.8/hook").await.unwrap();
        assert_eq!(checked.addr, "8.8.8.8:443".parse::<SocketAddr>().unwrap());
        let checked = check_url(&AddressPolicy::default(), "http://[2606:4700:4700::1111]/").await.unwrap();
        assert_eq!(checked.addr, "[2606:4700:4700::1111]:80".parse::<SocketAddr>().unwrap());
    }

    #[test]
    fn retry_after_takes_seconds_or_a_date() {
        let now = 1_445_412_480 - 120; // Wed, 21 Oct 2015 07:26:00 GMT
        assert_eq!(parse_retry_after("7", now), Some(7));
        assert_eq!(parse_retry_after(" 0 ", now), Some(0));
        assert_eq!(parse_retry_after("100000", now), Some(86_400));
        assert_eq!(parse_retry_after("99999999999999999999999", now), Some(86_400));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(120));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:20:00 GMT", now), Some(0));
        assert_eq!(parse_retry_after("Sat, 21 Oct 2017 07:28:00 GMT", now), Some(86_400));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
        assert_eq!(parse_retry_after("", now), None);
    }

    #[test]
    fn the_retry_schedule_spans_about_three_days() {
        let expected_secs = [5, 60, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400];
        for (n, secs) in (1..).zip(expected_secs) {
            assert_eq!(retry_delay_ms(n, 0.5), Some(secs * 1000), "after failure {n}");
            let low = retry_delay_ms(n, 0.0).unwrap();
            let high = retry_delay_ms(n, 0.999_999).unwrap();
            assert!(low >= secs * 800 && low <= secs * 1000, "{n}: {low}");
            assert!(high > secs * 1000 && high <= secs * 1200, "{n}: {high}");
        }
        assert_eq!(retry_delay_ms(10, 0.5), Some(86_400_000));
        assert_eq!(retry_delay_ms(11, 0.5), None);
        assert_eq!(retry_delay_ms(MAX_ATTEMPTS, 0.5), None);
        assert_eq!(retry_delay_ms(1_000, 0.5), None);
        assert_eq!(retry_delay_ms(0, 0.5), Some(5_000));
        assert_eq!(retry_delay_ms(1, f64::NAN), Some(5_000));
        let total: i64 = (1..MAX_ATTEMPTS).map(|n| retry_delay_ms(n, 0.5).unwrap()).sum();
        let day_ms = 86_400_000.0;
        assert!((2.5 * day_ms..=3.5 * day_ms).contains(&(total as f64)), "{total}");
        assert_eq!((1..).take_while(|&n| retry_delay_ms(n, 0.5).is_some()).count() as i64 + 1, MAX_ATTEMPTS);
    }

    /// Answers one request on `listener` with `response`, after reading the whole request
    /// (closing with unread request bytes would reset the connection), and returns the request.
    fn respond_once(listener: TcpListener, response: &'static str) -> tokio::task::JoinHandle<String> {
        tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            loop {
                let n = stream.read(&mut buf).await.unwrap();
                if n == 0 {
                    break;
                }
                request.extend_from_slice(&buf[..n]);
                if let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&request[..end]).to_ascii_lowercase();
                    let length = head
                        .lines()
                        .find_map(|line| line.strip_prefix("content-length:"))
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(0);
                    if request.len() >= end + 4 + length {
                        break;
                    }
                }
            }
            stream.write_all(response.as_bytes()).await.unwrap();
            let _ = stream.shutdown().await;
            String::from_utf8_lossy(&request).into_owned()
        })
    }

    fn test_timeouts() -> Timeouts {
        Timeouts { connect: Duration::from_secs(2), total: Duration::from_secs(5) }
    }

    #[tokio::test]
    async fn post_refuses_loopback_without_connecting() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let result = post(&AddressPolicy::default(), &url, &[], b"{}".to_vec(), test_timeouts()).await;
        assert!(result.refused, "{result:?}");
        assert_eq!(result.status, None);
        assert!(result.error.as_deref().unwrap_or_default().contains("loopback"), "{result:?}");
        let accepted = tokio::time::timeout(Duration::from_millis(200), listener.accept()).await;
        assert!(accepted.is_err(), "the guard must refuse before any connection is opened");
    }

    #[tokio::test]
    async fn post_reports_status_retry_after_and_snippet() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let server = respond_once(
            listener,
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno",
        );
        let headers = vec![
            ("webhook-id".to_string(), "msg_1".to_string()),
            ("webhook-timestamp".to_string(), "1700000000".to_string()),
            ("Content-Type".to_string(), "text/plain".to_string()),
        ];
        let result = post(&loopback_policy(), &url, &headers, br#"{"a":1}"#.to_vec(), test_timeouts()).await;
        assert_eq!(result.status, Some(503), "{result:?}");
        assert_eq!(result.retry_after_secs, Some(7));
        assert_eq!(result.response_snippet, "no");
        assert_eq!(result.error, None);
        assert!(!result.refused);
        assert!(result.duration_ms >= 0);
        let request = server.await.unwrap();
        let lower = request.to_ascii_lowercase();
        assert!(request.starts_with("POST /hook HTTP/1.1\r\n"), "{request}");
        assert!(lower.contains("user-agent: assent-webhooks/1\r\n"), "{request}");
        assert!(lower.contains("content-type: application/json\r\n"), "{request}");
        assert!(!lower.contains("text/plain"), "{request}");
        assert!(lower.contains("webhook-id: msg_1\r\n"), "{request}");
        assert!(request.ends_with(r#"{"a":1}"#), "{request}");
    }

    #[tokio::test]
    async fn post_does_not_follow_redirects() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let server = respond_once(listener, "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        let result = post(&loopback_policy(), &url, &[], b"{}".to_vec(), test_timeouts()).await;
        assert_eq!(result.status, Some(302), "{result:?}");
        assert_eq!(result.error, None);
        assert_eq!(result.response_snippet, "");
        assert!(server.await.unwrap().starts_with("POST /hook "));
    }

    #[tokio::test]
    async fn post_reports_a_connection_failure() {
        // Bind then drop, so the port is very likely closed.
        let addr = TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap();
        let result = post(&loopback_policy(), &format!("http://{addr}/"), &[], b"{}".to_vec(), test_timeouts()).await;
        assert_eq!(result.status, None);
        assert!(!result.refused);
        assert!(result.error.is_some(), "{result:?}");
    }
}
