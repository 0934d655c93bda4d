//! gosub-vm
