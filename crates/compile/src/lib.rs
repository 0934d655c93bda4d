//! gosub-compile
