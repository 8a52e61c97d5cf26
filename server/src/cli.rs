//! The `assent` command line: `serve`, and the operator's commands, which work on the same
//! database as `serve`, also while it runs.

use crate::client_addr::TrustedProxies;
use crate::configuration::ServerConfig;
use crate::startup::{shutdown_signal, Application};
use backend::clock::Clock;
use backend::config::DatabaseConfig;
use backend::links::LinkLimits;
use backend::services::tenancy::NewOrg;
use backend::types::{Email, Name, NewPassword, OrgSlug, Role, Scopes, Subdomain};
use backend::webhooks::AddressPolicy;
use backend::{Services, Store};
use clap::{Args, Parser, Subcommand};
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "assent", version, about = "Self-hosted consent management")]
pub struct Cli {
    #[command(flatten)]
    db: DbArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct DbArgs {
    /// Directory of the embedded SQLite database.
    #[arg(long, env = "ASSENT_DATA_DIR", default_value = "./data", global = true)]
    data_dir: PathBuf,
    /// A postgres:// URL selects PostgreSQL; otherwise SQLite under --data-dir.
    #[arg(long, env = "ASSENT_DATABASE_URL", global = true)]
    database_url: Option<String>,
    /// 64 hex digits that seal the organisations' signing keys in the database. Without it,
    /// the file signing-keys.kek under --data-dir (made on first use). Several nodes on one
    /// database must all use the same.
    #[arg(long, env = "ASSENT_KEY_ENCRYPTION_KEY", global = true, hide_env_values = true)]
    key_encryption_key: Option<String>,
}

impl DbArgs {
    fn key_encryption(&self) -> CliResult<backend::proof::KeyEncryptionKey> {
        Ok(backend::proof::KeyEncryptionKey::load(&self.data_dir, self.key_encryption_key.as_deref())?)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Serve the dashboard, the consent pages, the banner and the APIs.
    Serve(ServeArgs),
    /// Apply pending database migrations.
    Migrate,
    /// Organisations.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// API keys.
    ApiKey {
        #[command(subcommand)]
        command: ApiKeyCommand,
    },
    /// Dashboard users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The consent ledger.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Signed receipts of decisions.
    Receipt {
        #[command(subcommand)]
        command: ReceiptCommand,
    },
}

#[derive(Args)]
struct ServeArgs {
    #[arg(long, env = "ASSENT_LISTEN", default_value = "127.0.0.1:3000")]
    listen: SocketAddr,
    /// The base of every link Assent hands out (default: http://<listen>).
    #[arg(long, env = "ASSENT_PUBLIC_URL")]
    public_url: Option<String>,
    /// SMTP server for consent-link emails: smtp://host:port or smtps://user:pass@host.
    #[arg(long, env = "ASSENT_SMTP_URL")]
    smtp_url: Option<String>,
    /// Sender of emails, e.g. "Acme Privacy <privacy@acme.test>".
    #[arg(long, env = "ASSENT_SMTP_FROM")]
    smtp_from: Option<String>,
    /// Consent links one phone number may receive in 24 hours.
    #[arg(long, env = "ASSENT_LINKS_PER_PHONE_PER_DAY", default_value_t = 10)]
    links_per_phone_per_day: i64,
    /// Consent links one email address may receive in 24 hours.
    #[arg(long, env = "ASSENT_LINKS_PER_EMAIL_PER_DAY", default_value_t = 10)]
    links_per_email_per_day: i64,
    /// API requests per minute per API key or dashboard session.
    #[arg(long, env = "ASSENT_API_RATE_PER_MINUTE", default_value_t = 600)]
    api_rate_per_minute: u32,
    /// Decisions per minute from one client address on hosted consent pages (a person decides a
    /// handful of times; an office behind one address, more).
    #[arg(long, env = "ASSENT_DECISIONS_PER_ADDRESS_PER_MINUTE", default_value_t = 60)]
    decisions_per_address_per_minute: u32,
    /// Reverse proxies whose X-Forwarded-For / Forwarded headers name the client: CIDRs or
    /// addresses, comma-separated (e.g. 10.0.0.0/8,127.0.0.1). Without it, the socket address.
    #[arg(long, env = "ASSENT_TRUSTED_PROXIES", default_value = "", value_parser = |s: &str| s.parse::<TrustedProxies>())]
    trusted_proxies: TrustedProxies,
    /// Requests per minute to the unauthenticated integration endpoints from one client address.
    #[arg(long, env = "ASSENT_INTEGRATION_RATE_PER_ADDRESS_PER_MINUTE", default_value_t = 120)]
    integration_rate_per_address_per_minute: u32,
    /// Requests per minute to one integration, from all addresses together.
    #[arg(long, env = "ASSENT_INTEGRATION_RATE_PER_MINUTE", default_value_t = 60_000)]
    integration_rate_per_minute: u32,
    /// Internal networks webhooks may be delivered to (CIDRs, comma-separated). Without it, only
    /// public addresses: loopback, private, link-local, metadata and the like are refused.
    #[arg(long, env = "ASSENT_WEBHOOK_ALLOW_CIDRS", default_value = "", value_parser = |s: &str| s.parse::<AddressPolicy>())]
    webhook_allow_cidrs: AddressPolicy,
    /// A MaxMind-format City database (GeoLite2-City.mmdb, say) that gives universal consents'
    /// fingerprints their City, State and Country. Without it, those stay empty.
    #[arg(long, env = "ASSENT_GEOIP_DB")]
    geoip_db: Option<PathBuf>,
    /// A directory outside the database (another disk, a write-once mount, a synced folder)
    /// where every organisation's signed chain head is written every
    /// --checkpoint-interval-secs. `assent audit verify --checkpoints DIR` then finds a rewritten
    /// ledger even when its head was rewritten with it.
    #[arg(long, env = "ASSENT_CHECKPOINT_DIR")]
    checkpoint_dir: Option<PathBuf>,
    #[arg(long, env = "ASSENT_CHECKPOINT_INTERVAL_SECS", default_value_t = 3600, value_parser = clap::value_parser!(u64).range(1..))]
    checkpoint_interval_secs: u64,
}

#[derive(Subcommand)]
enum OrgCommand {
    Create {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// Path segment of consent links (default: the slug).
        #[arg(long)]
        subdomain: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ApiKeyCommand {
    /// Create a key and print it once.
    Create {
        #[arg(long)]
        org: String,
        /// Comma-separated: consent, admin.
        #[arg(long)]
        scopes: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    Create {
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
        /// Read the password from standard input (required: passwords never go on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute every organisation's hash chain (or one's); exits 2 and names the first bad
    /// entry if one was altered, and with --checkpoints, any checkpoint the chain no longer holds.
    Verify {
        /// Only this organisation (its slug).
        #[arg(long)]
        org: Option<String>,
        /// A checkpoint directory (ASSENT_CHECKPOINT_DIR of `serve`) to check the chains against.
        #[arg(long)]
        checkpoints: Option<PathBuf>,
    },
    /// Sign every organisation's chain head (or one's) now and write it to the checkpoint directory.
    Checkpoint {
        #[arg(long)]
        org: Option<String>,
        #[arg(long, env = "ASSENT_CHECKPOINT_DIR")]
        checkpoint_dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum ReceiptCommand {
    /// Verify a receipt offline: its signature against the organisation's public keys. Exits 2
    /// if it does not verify.
    Verify {
        /// The receipt: the JSON file the hosted page or the API gives, or the bare JWS.
        file: PathBuf,
        /// The organisation's key set: a file, or an http(s) URL. Default: the receipt's own
        /// `jwks_uri`, fetched.
        #[arg(long)]
        jwks: Option<String>,
    },
}

type CliResult<T> = Result<T, Box<dyn std::error::Error>>;

async fn open(db: &DbArgs) -> CliResult<Store> {
    let config = DatabaseConfig::resolve(&db.data_dir, db.database_url.as_deref())?;
    Ok(Store::open(&config, Clock::system()).await?)
}

/// The operator's services: no public URL or email needed, and nothing signed (the commands
/// that sign load the key-encryption key themselves, so that the others leave no key file).
async fn services(db: &DbArgs) -> CliResult<Services> {
    services_with(db, backend::services::Settings::new("")).await
}

async fn services_with(db: &DbArgs, settings: backend::services::Settings) -> CliResult<Services> {
    Ok(Services::new(open(db).await?, backend::email::Mailer::new(None, None), settings))
}

pub async fn run(cli: Cli) -> CliResult<ExitCode> {
    match cli.command {
        Command::Serve(args) => serve(args, &cli.db).await?,
        Command::Migrate => {
            open(&cli.db).await?;
            println!("migrations applied");
        }
        Command::Org { command: OrgCommand::Create { slug, name, subdomain, json } } => {
            let new = NewOrg {
                slug: slug.parse::<OrgSlug>()?,
                name: Name::parse("name", &name, 200)?,
                subdomain: subdomain.as_deref().map(str::parse::<Subdomain>).transpose()?,
            };
            let org = services(&cli.db).await?.tenancy.create_org(&new).await?;
            if json {
                println!("{}", serde_json::json!({"id": org.id, "slug": org.slug, "subdomain": org.subdomain, "name": org.name}));
            } else {
                println!("created organisation {} (slug {}, subdomain {})", org.name, org.slug, org.subdomain);
            }
        }
        Command::ApiKey { command: ApiKeyCommand::Create { org, scopes, name, json } } => {
            let services = services(&cli.db).await?;
            let org = services.tenancy.org_by_slug(&org).await?;
            let scopes: Scopes = scopes.parse()?;
            let name = Name::parse("name", name.as_deref().unwrap_or("CLI key"), 200)?;
            let issued = services.tenancy.issue_api_key(&org.id, &name, &scopes).await?;
            if json {
                println!(
                    "{}",
                    serde_json::json!({
                        "id": issued.row.id, "key": issued.key, "scopes": scopes.to_strings(),
                        "name": issued.row.name, "prefix": issued.row.prefix, "org": org.slug,
                    })
                );
            } else {
                println!("{}", issued.key);
                eprintln!("API key {} for {} with scopes {}; it is shown only once.", issued.row.id, org.slug, scopes.to_db());
            }
        }
        Command::User { command: UserCommand::Create { org, email, role, password_stdin: _ } } => {
            let services = services(&cli.db).await?;
            let org = services.tenancy.org_by_slug(&org).await?;
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password: NewPassword = password.trim_end_matches(['\n', '\r']).parse()?;
            let user = services.tenancy.create_user(&org.id, &email.parse::<Email>()?, role.parse::<Role>()?, &password).await?;
            println!("created {} {} in {}", user.role.as_str(), user.email, org.slug);
        }
        Command::Audit { command: AuditCommand::Verify { org, checkpoints } } => return audit_verify(&cli.db, org, checkpoints).await,
        Command::Audit { command: AuditCommand::Checkpoint { org, checkpoint_dir } } => {
            if checkpoint_dir.as_os_str().is_empty() {
                return Err("--checkpoint-dir (ASSENT_CHECKPOINT_DIR) is empty".into());
            }
            let mut settings = backend::services::Settings::new("");
            settings.checkpoint_dir = Some(checkpoint_dir);
            settings.key_encryption = cli.db.key_encryption()?;
            let services = services_with(&cli.db, settings).await?;
            match org {
                Some(slug) => {
                    let org = services.tenancy.org_by_slug(&slug).await?;
                    match services.proof.checkpoint(&org).await? {
                        Some(c) => println!("{slug}: checkpointed entry {} ({})", c.seq, c.hash),
                        None => println!("{slug}: nothing new to checkpoint"),
                    }
                }
                None => println!("{} organisations checkpointed", services.proof.checkpoint_all().await?),
            }
        }
        Command::Receipt { command: ReceiptCommand::Verify { file, jwks } } => return receipt_verify(&file, jwks.as_deref()).await,
    }
    Ok(ExitCode::SUCCESS)
}

async fn audit_verify(db: &DbArgs, org: Option<String>, checkpoints: Option<PathBuf>) -> CliResult<ExitCode> {
    let services = services(db).await?;
    let only = match &org {
        Some(slug) => Some(services.tenancy.org_by_slug(slug).await?),
        None => None,
    };
    let reports = match &only {
        Some(o) => vec![(o.slug.clone(), services.ledger.verify_org(&o.id).await?)],
        None => services.ledger.verify_all().await?,
    };
    let mut broken = false;
    for (slug, report) in &reports {
        match &report.first_bad {
            None => println!("{slug}: ledger intact: {} entries, head {}", report.entries, report.head_hash),
            Some(bad) => {
                broken = true;
                let id = bad.id.as_ref().map(|id| format!(" ({id})")).unwrap_or_default();
                println!("{slug}: ledger BROKEN at entry {}{id}: {}", bad.seq, bad.reason);
            }
        }
    }
    if reports.is_empty() {
        println!("no organisations yet");
    }
    if let Some(dir) = checkpoints {
        let findings = services.proof.verify_checkpoints(&dir, only.as_ref()).await?;
        let bad: Vec<_> = findings.iter().filter(|f| f.problem.is_some()).collect();
        for f in &bad {
            let org = f.org.as_deref().unwrap_or("?");
            println!("{org}: checkpoint {} does NOT hold: {}", f.file.display(), f.problem.as_deref().unwrap_or_default());
        }
        println!("{} checkpoints checked, {} hold", findings.len(), findings.len() - bad.len());
        broken |= !bad.is_empty();
    }
    Ok(if broken { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

async fn receipt_verify(file: &std::path::Path, jwks: Option<&str>) -> CliResult<ExitCode> {
    use backend::proof::{load_jwks, ReceiptClaims, ReceiptFile, RECEIPT_TYPE};
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let receipt = ReceiptFile::parse(&text)?;
    // Without --jwks, the keys where the receipt says they are. A forged location cannot make
    // a forged signature verify with the organisation's real keys, but whoever relies on a
    // receipt should name those keys with --jwks.
    let named_by_receipt = jwks.is_none();
    let location = jwks.map(str::to_string).or(receipt.jwks_uri).ok_or("the receipt names no key set; give one with --jwks")?;
    let set = load_jwks(&location).await?;
    match set.verify::<ReceiptClaims>(&receipt.jws, RECEIPT_TYPE) {
        // The file's outer `jwks_uri` is not signed: it must be the one the signed claims name.
        Ok((c, _)) if named_by_receipt && c.jwks_uri != location => {
            println!("receipt does NOT verify: its file names keys at {location}, but what it signs names {}", c.jwks_uri);
            Ok(ExitCode::from(2))
        }
        Ok((c, kid)) => {
            println!("receipt verifies: signed by {} with key {kid}", c.org);
            println!("  keys: {location}");
            if named_by_receipt {
                println!("  (the receipt named these keys itself: check that they are {}'s, or pass --jwks)", c.org);
            }
            println!("  {} {} of {} {} on {}", c.principal, c.action, c.subject_kind, c.subject_id, c.decided_at);
            for p in &c.purposes {
                println!("  {}: {}", p.purpose_id, if p.granted { "granted" } else { "not granted" });
            }
            println!(
                "  collected via {}, notice version {}",
                c.collected_via,
                c.notice_version.map(|v| v.to_string()).unwrap_or("-".into())
            );
            println!("  ledger entry {} (position {} of {}'s chain, hash {})", c.entry_id, c.entry_seq, c.org, c.entry_hash);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            println!("receipt does NOT verify: {e}");
            Ok(ExitCode::from(2))
        }
    }
}

async fn serve(args: ServeArgs, db: &DbArgs) -> CliResult<()> {
    let store = open(db).await?;
    let mut config = ServerConfig::new(args.listen, args.public_url);
    config.smtp_url = args.smtp_url;
    config.smtp_from = args.smtp_from;
    config.link_limits = LinkLimits { per_phone_per_day: args.links_per_phone_per_day, per_email_per_day: args.links_per_email_per_day };
    config.api_rate_per_minute = args.api_rate_per_minute;
    config.trusted_proxies = args.trusted_proxies;
    config.decisions_per_address_per_minute = args.decisions_per_address_per_minute;
    config.integration_rate_per_address_per_minute = args.integration_rate_per_address_per_minute;
    config.integration_rate_per_minute = args.integration_rate_per_minute;
    config.webhook_policy = args.webhook_allow_cidrs;
    config.geoip_db = args.geoip_db.filter(|p| !p.as_os_str().is_empty());
    config.checkpoint_dir = args.checkpoint_dir.filter(|p| !p.as_os_str().is_empty());
    config.key_encryption = db.key_encryption()?;
    config.checkpoint_interval = std::time::Duration::from_secs(args.checkpoint_interval_secs);
    let app = Application::build(store, config).await?;
    let public_url = app.state().config.public_url.clone();
    if let Some(token) = app.state().services.tenancy.create_setup_token().await? {
        // The hint names this very binary and database, so it can be pasted as is.
        let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "assent".into());
        let cli = match &db.database_url {
            Some(u) if !u.trim().is_empty() => format!("{exe} --database-url \"$ASSENT_DATABASE_URL\""),
            _ => format!("{exe} --data-dir {}", db.data_dir.display()),
        };
        println!();
        println!("  Assent has no admin yet. Create the first organisation and admin here (the link works once):");
        println!("    {public_url}/admin/setup?token={token}");
        println!("  or from the command line:");
        println!("    {cli} org create --slug acme --name \"Acme\"");
        println!("    {cli} user create --org acme --email you@example.com --role owner --password-stdin");
        println!();
    }
    tracing::info!(addr = %app.local_addr(), %public_url, "Assent listening");
    println!("Assent is running at {public_url} (dashboard: {public_url}/admin)");
    app.run_until(shutdown_signal()).await?;
    Ok(())
}
