fn main() {
    #[cfg(target_arch = "wasm32")]
    cm_maturity::app::start();
}
