use std::path::{Path, PathBuf};

/// Where the data lives. A `postgres://` URL selects PostgreSQL; otherwise an embedded
/// SQLite file under the data directory.
#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    pub url: String,
}

impl DatabaseConfig {
    pub fn resolve(data_dir: &Path, database_url: Option<&str>) -> std::io::Result<Self> {
        match database_url.filter(|u| !u.trim().is_empty()) {
            Some(url) => Ok(Self { url: url.to_string() }),
            None => {
                std::fs::create_dir_all(data_dir)?;
                let file: PathBuf = data_dir.join("assent.db");
                Ok(Self { url: format!("sqlite://{}?mode=rwc", file.display()) })
            }
        }
    }

    pub fn is_postgres(&self) -> bool {
        self.url.starts_with("postgres://") || self.url.starts_with("postgresql://")
    }
}
