//! gosub-heap
