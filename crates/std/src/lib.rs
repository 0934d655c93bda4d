//! gosub-std
