//! Where a client address is, from a MaxMind-format database (GeoLite2 / GeoIP2 City, or any
//! database with the same fields) that the admin points `ASSENT_GEOIP_DB` at. Assent ships no
//! database: without one, places stay empty.

use serde::Deserialize;
use std::net::IpAddr;
use std::path::Path;

/// A place as the fingerprint of a universal consent records it: the city and state in
/// English, the country as its ISO 3166-1 code (what a search filters by without spelling
/// variants).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

#[derive(Deserialize)]
struct Names {
    en: Option<String>,
}

#[derive(Deserialize)]
struct Named {
    names: Option<Names>,
    iso_code: Option<String>,
}

#[derive(Deserialize)]
struct CityRecord {
    city: Option<Named>,
    subdivisions: Option<Vec<Named>>,
    country: Option<Named>,
}

fn english(n: Option<Named>) -> Option<String> {
    n.and_then(|n| n.names).and_then(|n| n.en).filter(|s| !s.is_empty())
}

pub struct GeoIp {
    reader: maxminddb::Reader<Vec<u8>>,
}

impl GeoIp {
    /// Opens the database; an unreadable file is an error at start-up, never a silent "no places".
    pub fn open(path: &Path) -> Result<Self, String> {
        maxminddb::Reader::open_readfile(path).map(|reader| Self { reader }).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The place of `ip`, or an empty one when the database does not know it.
    pub fn place(&self, ip: IpAddr) -> Place {
        let record: Option<CityRecord> = match lookup(&self.reader, ip) {
            Ok(r) => r,
            Err(e) => {
                tracing::debug!(%ip, error = %e, "no place for this address");
                None
            }
        };
        let Some(r) = record else { return Place::default() };
        Place {
            city: english(r.city),
            region: english(r.subdivisions.and_then(|s| s.into_iter().next())),
            country: r.country.and_then(|c| c.iso_code).filter(|s| !s.is_empty()),
        }
    }
}

fn lookup(reader: &maxminddb::Reader<Vec<u8>>, ip: IpAddr) -> Result<Option<CityRecord>, maxminddb::MaxMindDbError> {
    reader.lookup(ip)?.decode::<CityRecord>()
}

impl std::fmt::Debug for GeoIp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GeoIp")
    }
}
