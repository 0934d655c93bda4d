//! gosub
