//! The one time representation in the store is milliseconds since the Unix epoch, because it
//! sorts and compares the same way on SQLite and PostgreSQL. These are its textual forms.

/// RFC 3339 (UTC, millisecond precision): the management API's form.
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms).unwrap_or_default().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// ISO 8601 with an explicit `+00:00` offset and whole seconds, as the consent-link dialect
/// writes its timestamps (`2026-04-21T08:30:00+00:00`).
pub fn iso8601(ms: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms).unwrap_or_default().format("%Y-%m-%dT%H:%M:%S+00:00").to_string()
}

/// For people: `2026-11-23 05:58 UTC`.
pub fn human_utc(ms: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms).unwrap_or_default().format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Parses an ISO 8601 timestamp: RFC 3339 with an offset, or a date-time without one (taken
/// as UTC), or a bare date (midnight UTC). Milliseconds since the epoch.
pub fn parse_iso8601(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.timestamp_millis());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.and_utc().timestamp_millis());
        }
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc().timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_round_trips_the_dialect_format() {
        let ms = parse_iso8601("2025-05-13T10:00:00+00:00").unwrap();
        assert_eq!(iso8601(ms), "2025-05-13T10:00:00+00:00");
        assert_eq!(parse_iso8601("2025-05-13T15:30:00+05:30"), Some(ms));
        assert_eq!(parse_iso8601("2025-05-13T10:00:00Z"), Some(ms));
        assert_eq!(parse_iso8601("2025-05-13T10:00:00"), Some(ms));
        assert!(parse_iso8601("2025-05-13").is_some());
        assert!(parse_iso8601("yesterday").is_none());
        assert!(parse_iso8601("2025-13-40T10:00:00Z").is_none());
        assert_eq!(human_utc(ms), "2025-05-13 10:00 UTC");
        assert_eq!(rfc3339(ms), "2025-05-13T10:00:00.000Z");
    }
}
