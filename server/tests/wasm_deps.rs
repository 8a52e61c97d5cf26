//! The wasm crates must never pull in server-only crates: `cargo tree` proves it.

use std::process::Command;

#[test]
fn wasm_crates_do_not_depend_on_server_crates() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for krate in ["frontend", "banner"] {
        let out = Command::new(&cargo)
            .current_dir(root)
            .args(["tree", "--offline", "-q", "-p", krate, "--target", "wasm32-unknown-unknown", "-e", "normal", "--prefix", "none"])
            .output()
            .expect("run cargo tree");
        assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
        let tree = String::from_utf8(out.stdout).unwrap();
        assert!(tree.lines().count() > 3, "suspiciously small tree for {krate}:\n{tree}");
        let forbidden: Vec<&str> = tree
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|name| ["sqlx", "sqlx-core", "tokio", "mio", "hyper", "axum", "backend"].contains(name))
            .collect();
        assert!(forbidden.is_empty(), "{krate} pulls in server-only crates: {forbidden:?}");
    }
}
