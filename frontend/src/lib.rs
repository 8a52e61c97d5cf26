//! The browser entry point: hydrates the server-rendered page with the app its bundle carries.
//! cargo-leptos builds this crate twice (see the workspace's `[[workspace.metadata.leptos]]`):
//! with `admin` as `assent.wasm`, with `public` as `public.wasm`.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "admin")]
    leptos::mount::hydrate_body(app::AdminApp);
    #[cfg(all(feature = "public", not(feature = "admin")))]
    leptos::mount::hydrate_body(app::PublicApp);
}
