//! A small HTTP/1.1 load generator for the benchmarks: `connections` keep-alive connections,
//! each sending the same request back to back for `seconds`, with nothing between the socket
//! and the measurement (no client library), so that routes compared in one run are compared
//! under the same load. Prints one JSON line: requests, req/s, p50/p99 latency, statuses.
//!
//! `cargo run --release -p server --example load -- ADDR METHOD PATH CONNECTIONS SECONDS [BODY] [HEADER…]`
//! where ADDR is `127.0.0.1:PORT` and each HEADER is `Name: value`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Run {
    latencies_us: Vec<u64>,
    statuses: BTreeMap<u16, u64>,
}

/// Reads one response; returns its status. Handles Content-Length and chunked bodies.
async fn read_response(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    let header_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        read_more(stream, buf).await?;
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_ascii_lowercase();
    let status: u16 = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let length = head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(length) = length {
        while buf.len() < header_end + length {
            read_more(stream, buf).await?;
        }
        buf.drain(..header_end + length);
    } else if head.contains("transfer-encoding: chunked") {
        let mut at = header_end;
        loop {
            let line_end = loop {
                if let Some(i) = buf[at..].windows(2).position(|w| w == b"\r\n") {
                    break at + i;
                }
                read_more(stream, buf).await?;
            };
            let size = usize::from_str_radix(String::from_utf8_lossy(&buf[at..line_end]).trim(), 16).unwrap_or(0);
            let next = line_end + 2 + size + 2;
            while buf.len() < next {
                read_more(stream, buf).await?;
            }
            at = next;
            if size == 0 {
                break;
            }
        }
        buf.drain(..at);
    } else {
        buf.drain(..header_end);
    }
    Ok(status)
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<()> {
    let mut chunk = [0u8; 16 * 1024];
    let n = stream.read(&mut chunk).await?;
    if n == 0 {
        return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed"));
    }
    buf.extend_from_slice(&chunk[..n]);
    Ok(())
}

async fn connection(addr: String, request: Vec<u8>, until: Instant) -> Run {
    let mut run = Run { latencies_us: Vec::new(), statuses: BTreeMap::new() };
    let mut stream = TcpStream::connect(&addr).await.expect("connect");
    stream.set_nodelay(true).ok();
    let mut buf = Vec::with_capacity(64 * 1024);
    while Instant::now() < until {
        let start = Instant::now();
        if stream.write_all(&request).await.is_err() {
            stream = TcpStream::connect(&addr).await.expect("reconnect");
            buf.clear();
            continue;
        }
        match read_response(&mut stream, &mut buf).await {
            Ok(status) => {
                run.latencies_us.push(start.elapsed().as_micros() as u64);
                *run.statuses.entry(status).or_default() += 1;
            }
            Err(_) => {
                stream = TcpStream::connect(&addr).await.expect("reconnect");
                buf.clear();
            }
        }
    }
    run
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 5 {
        eprintln!("usage: load ADDR METHOD PATH CONNECTIONS SECONDS [BODY] [HEADER…]");
        std::process::exit(2);
    }
    let (addr, method, path) = (args[0].clone(), args[1].clone(), args[2].clone());
    let connections: usize = args[3].parse().expect("connections");
    let seconds: f64 = args[4].parse().expect("seconds");
    let body = args.get(5).cloned().unwrap_or_default();
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\n");
    for h in args.iter().skip(6) {
        request.push_str(h);
        request.push_str("\r\n");
    }
    if !body.is_empty() {
        request.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    let request = request.into_bytes();
    let until = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let runs =
        futures_join((0..connections).map(|_| tokio::spawn(connection(addr.clone(), request.clone(), until))).collect::<Vec<_>>()).await;
    let elapsed = started.elapsed().as_secs_f64();
    let mut latencies: Vec<u64> = runs.iter().flat_map(|r| r.latencies_us.iter().copied()).collect();
    latencies.sort_unstable();
    let mut statuses: BTreeMap<u16, u64> = BTreeMap::new();
    for r in &runs {
        for (s, n) in &r.statuses {
            *statuses.entry(*s).or_default() += n;
        }
    }
    let pct = |p: f64| latencies.get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1))).copied().unwrap_or(0);
    println!(
        "{{\"requests\": {}, \"rps\": {:.0}, \"p50_ms\": {:.2}, \"p99_ms\": {:.2}, \"statuses\": {}}}",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        pct(0.50) as f64 / 1000.0,
        pct(0.99) as f64 / 1000.0,
        serde_json::to_string(&statuses.iter().map(|(k, v)| (k.to_string(), v)).collect::<BTreeMap<_, _>>()).unwrap()
    );
}

async fn futures_join(handles: Vec<tokio::task::JoinHandle<Run>>) -> Vec<Run> {
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.expect("connection task"));
    }
    out
}
