//! Who is on the other end. Behind a reverse proxy the socket's peer is the proxy; the
//! client is in `X-Forwarded-For` or `Forwarded`, which anyone can also write. So those are
//! believed only when the peer is a trusted proxy (`ASSENT_TRUSTED_PROXIES`, CIDRs), and then
//! read from the right: the first address that is not itself a trusted proxy is the client.
//! Evidence, rate limits and logs all use the one address this decides.

use axum::extract::{ConnectInfo, Request};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

/// The client's address, as this module decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// Networks whose forwarding headers are believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl FromStr for TrustedProxies {
    type Err = String;
    /// Comma-separated CIDRs or single addresses: `10.0.0.0/8, 192.168.1.7`.
    fn from_str(s: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let net = IpNet::from_str(part)
                .or_else(|_| IpAddr::from_str(part).map(IpNet::from))
                .map_err(|_| format!("'{part}' is not an address or a CIDR such as 10.0.0.0/8"))?;
            nets.push(net);
        }
        Ok(Self(nets))
    }
}

impl TrustedProxies {
    pub fn trusts(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|n| n.contains(&ip))
    }

    /// The client behind `peer`, given the request's headers.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return canonical(peer);
        }
        let chain = forwarded_chain(headers);
        chain.into_iter().rev().map(canonical).find(|ip| !self.trusts(*ip)).unwrap_or(canonical(peer))
    }
}

/// An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) is that IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// The addresses the proxies added, oldest first: `X-Forwarded-For`, else `Forwarded: for=`.
/// A value that does not parse ends the chain there (nothing left of it is believed).
fn forwarded_chain(headers: &HeaderMap) -> Vec<IpAddr> {
    let values = |name: &str| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let xff = values("x-forwarded-for");
    let raw: Vec<String> = if !xff.is_empty() {
        xff
    } else {
        values("forwarded")
            .into_iter()
            .filter_map(|element| {
                element.split(';').map(str::trim).find_map(|pair| {
                    let (k, v) = pair.split_once('=')?;
                    k.trim().eq_ignore_ascii_case("for").then(|| v.trim().trim_matches('"').to_string())
                })
            })
            .collect()
    };
    let mut out = Vec::new();
    for value in raw.iter().rev() {
        match parse_node(value) {
            Some(ip) => out.push(ip),
            None => break,
        }
    }
    out.reverse();
    out
}

/// `203.0.113.9`, `203.0.113.9:4711`, `2001:db8::1`, `[2001:db8::1]:4711`.
fn parse_node(v: &str) -> Option<IpAddr> {
    if let Ok(ip) = IpAddr::from_str(v) {
        return Some(ip);
    }
    if let Ok(sock) = SocketAddr::from_str(v) {
        return Some(sock.ip());
    }
    v.strip_prefix('[').and_then(|r| r.split(']').next()).and_then(|ip| IpAddr::from_str(ip).ok())
}

/// Decides the client's address once, for everything after it.
pub async fn resolve(axum::extract::State(state): axum::extract::State<crate::state::AppState>, mut req: Request, next: Next) -> Response {
    if let Some(ConnectInfo(peer)) = req.extensions().get::<ConnectInfo<SocketAddr>>().copied() {
        let client = state.config.trusted_proxies.client(peer.ip(), req.headers());
        req.extensions_mut().insert(ClientAddr(client));
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
        }
        h
    }

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        let none = TrustedProxies::default();
        let spoof = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(none.client(loopback, &spoof), loopback, "untrusted: the socket's peer");
        let proxies: TrustedProxies = "127.0.0.0/8, 10.0.0.0/8".parse().unwrap();
        assert_eq!(proxies.client(loopback, &spoof), "198.51.100.7".parse::<IpAddr>().unwrap());
        // A client that writes its own X-Forwarded-For cannot hide behind it: read from the right.
        let chain = headers(&[("x-forwarded-for", "203.0.113.1, 198.51.100.7, 10.1.2.3")]);
        assert_eq!(proxies.client(loopback, &chain), "198.51.100.7".parse::<IpAddr>().unwrap());
        let forwarded = headers(&[("forwarded", "for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\"")]);
        assert_eq!(proxies.client(loopback, &forwarded), "2001:db8:cafe::17".parse::<IpAddr>().unwrap());
        let garbage = headers(&[("x-forwarded-for", "198.51.100.7, not-an-ip")]);
        assert_eq!(proxies.client(loopback, &garbage), loopback, "nothing left of an unreadable hop is believed");
        let mapped: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert!(proxies.trusts(mapped));
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
    }
}
