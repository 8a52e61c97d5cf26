//! Fixed-window rate limits kept in memory (per process).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct RateLimiter {
    limit: u32,
    window: Duration,
    buckets: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        Self { limit, window, buckets: Mutex::new(HashMap::new()) }
    }

    /// Whether `key` is over its limit right now, without counting an attempt.
    pub fn blocked(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let buckets = self.buckets.lock().expect("rate limiter lock");
        match buckets.get(key) {
            Some((start, count)) if now.duration_since(*start) < self.window && *count >= self.limit => {
                Err(self.window.saturating_sub(now.duration_since(*start)).as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    /// Forgets `key`'s attempts.
    pub fn reset(&self, key: &str) {
        self.buckets.lock().expect("rate limiter lock").remove(key);
    }

    /// Counts one attempt for `key`. `Err(seconds)` says how long until the window reopens.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().expect("rate limiter lock");
        if buckets.len() > 100_000 {
            buckets.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = buckets.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            let left = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(left.as_secs().max(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_the_limit_and_says_when_to_retry() {
        let rl = RateLimiter::new(2, Duration::from_secs(60));
        assert!(rl.check("a").is_ok());
        assert!(rl.check("a").is_ok());
        let retry = rl.check("a").unwrap_err();
        assert!((1..=60).contains(&retry));
        assert!(rl.check("b").is_ok());
        assert!(rl.blocked("a").is_err());
        rl.reset("a");
        assert!(rl.blocked("a").is_ok());
    }

    #[test]
    fn window_reopens() {
        let rl = RateLimiter::new(1, Duration::from_millis(20));
        assert!(rl.check("a").is_ok());
        assert!(rl.check("a").is_err());
        std::thread::sleep(Duration::from_millis(30));
        assert!(rl.check("a").is_ok());
    }
}
