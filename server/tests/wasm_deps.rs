//! What the browser bundles are built from, proven with `cargo tree`: no server-only crate in
//! any of them, and no dashboard in the public pages' bundle.

use std::process::Command;

fn tree(krate: &str, features: &[&str], extra: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut args = vec!["tree", "--offline", "-q", "-p", krate, "--target", "wasm32-unknown-unknown"];
    args.extend(extra);
    let features = features.join(",");
    if !features.is_empty() {
        args.extend(["--features", &features]);
    }
    let out = Command::new(&cargo).current_dir(root).args(&args).output().expect("run cargo tree");
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn wasm_bundles_do_not_depend_on_server_crates() {
    for (krate, features) in [("frontend", vec!["admin"]), ("frontend", vec!["public"]), ("banner", vec![])] {
        let tree = tree(krate, &features, &["-e", "normal", "--prefix", "none"]);
        assert!(tree.lines().count() > 3, "suspiciously small tree for {krate}:\n{tree}");
        let forbidden: Vec<&str> = tree
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|name| ["sqlx", "sqlx-core", "tokio", "mio", "hyper", "axum", "backend"].contains(name))
            .collect();
        assert!(forbidden.is_empty(), "{krate} {features:?} pulls in server-only crates: {forbidden:?}");
    }
}

#[test]
fn the_public_bundle_carries_no_dashboard() {
    // The features `app` is built with, in each bundle.
    let features = |bundle: &str| tree("frontend", &[bundle], &["-e", "features", "-i", "app"]);
    let public = features("public");
    assert!(public.contains("app feature \"hydrate\""), "{public}");
    for dashboard in ["app feature \"dashboard\"", "app feature \"admin-hydrate\""] {
        assert!(!public.contains(dashboard), "the public bundle has {dashboard}:\n{public}");
    }
    let admin = features("admin");
    assert!(admin.contains("app feature \"dashboard\""), "the dashboard's bundle has the dashboard:\n{admin}");
}
