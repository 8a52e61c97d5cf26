//! Limits kept in memory (per process).
//!
//! - [`Throttle`]: how fast a key (a caller, a client address, an integration) may send
//!   requests: GCRA through `governor`, so a key may spend its whole allowance at once and
//!   regains it evenly over the window, without a lock shared by every request.
//! - [`FailedAttempts`]: failed sign-ins per key in a fixed window. Only failures count and a
//!   success clears them, which a throttle cannot say: it is a lockout, not a rate.

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Keys above this many are pruned of those back at their full allowance.
const PRUNE_ABOVE: usize = 100_000;

pub struct Throttle {
    limiter: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
}

impl Throttle {
    /// `limit` requests per `window` for each key: all at once, or spread out.
    pub fn new(limit: u32, window: Duration) -> Self {
        let burst = NonZeroU32::new(limit.max(1)).expect("at least one");
        let period = (window / burst.get()).max(Duration::from_nanos(1));
        let quota = Quota::with_period(period).expect("a period above zero").allow_burst(burst);
        Self { limiter: DefaultKeyedRateLimiter::keyed(quota), clock: DefaultClock::default() }
    }

    /// Counts one request for `key`. `Err(seconds)` says how long until it may send again.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        if self.limiter.len() > PRUNE_ABOVE {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&key.to_string()).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            (wait.as_secs_f64().ceil() as u64).max(1)
        })
    }
}

/// Failed attempts per key in a fixed window.
pub struct FailedAttempts {
    limit: u32,
    window: Duration,
    buckets: Mutex<HashMap<String, (Instant, u32)>>,
}

impl FailedAttempts {
    pub fn new(limit: u32, window: Duration) -> Self {
        Self { limit, window, buckets: Mutex::new(HashMap::new()) }
    }

    /// Whether `key` has used up its attempts right now. `Err(seconds)` until the window reopens.
    pub fn blocked(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let buckets = self.buckets.lock().expect("attempts lock");
        match buckets.get(key) {
            Some((start, count)) if now.duration_since(*start) < self.window && *count >= self.limit => {
                Err(self.window.saturating_sub(now.duration_since(*start)).as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    /// Forgets `key`'s failures (it succeeded).
    pub fn reset(&self, key: &str) {
        self.buckets.lock().expect("attempts lock").remove(key);
    }

    /// Counts one failure for `key`.
    pub fn record(&self, key: &str) {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().expect("attempts lock");
        if buckets.len() > PRUNE_ABOVE {
            buckets.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = buckets.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_throttle_allows_its_burst_then_says_when_to_retry() {
        let t = Throttle::new(2, Duration::from_secs(60));
        assert!(t.check("a").is_ok());
        assert!(t.check("a").is_ok());
        let retry = t.check("a").unwrap_err();
        assert!((1..=30).contains(&retry), "one request comes back every 30 s: {retry}");
        assert!(t.check("b").is_ok(), "keys are apart");
    }

    #[test]
    fn a_throttle_regains_its_allowance() {
        let t = Throttle::new(1, Duration::from_millis(20));
        assert!(t.check("a").is_ok());
        assert!(t.check("a").is_err());
        std::thread::sleep(Duration::from_millis(30));
        assert!(t.check("a").is_ok());
    }

    #[test]
    fn failures_block_until_the_window_reopens_or_a_success() {
        let f = FailedAttempts::new(2, Duration::from_secs(60));
        f.record("a");
        assert!(f.blocked("a").is_ok());
        f.record("a");
        assert!((1..=60).contains(&f.blocked("a").unwrap_err()));
        assert!(f.blocked("b").is_ok());
        f.reset("a");
        assert!(f.blocked("a").is_ok());
        let short = FailedAttempts::new(1, Duration::from_millis(20));
        short.record("a");
        assert!(short.blocked("a").is_err());
        std::thread::sleep(Duration::from_millis(30));
        assert!(short.blocked("a").is_ok());
    }
}
