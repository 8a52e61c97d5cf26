//! Embeds every language folder under `locales/` (`locales/{code}/assent.ftl`): a translator
//! adds a language by adding its folder, without touching code.

use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut codes: Vec<(String, PathBuf)> = std::fs::read_dir(&root)
        .expect("locales/ beside the crates")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("assent.ftl").is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().join("assent.ftl")))
        .collect();
    codes.sort();
    let mut out = String::from("/// Every language's Fluent source, by language code.\npub(crate) const SOURCES: &[(&str, &str)] = &[\n");
    for (code, path) in &codes {
        println!("cargo:rerun-if-changed={}", path.display());
        let path = path.canonicalize().expect("a readable file");
        writeln!(out, "    ({code:?}, include_str!({:?})),", path.display().to_string()).expect("write to a string");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("locales.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
