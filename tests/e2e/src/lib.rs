//! End-to-end flows live in `tests/`; this crate has no library code.
