//! Memory layouts as the compiler uses them. The facts themselves (sizes, alignments, field
//! offsets, pointer words, interface shape) are owned by `gosub_types::layout`; this module
//! only re-exports them under the compiler's name. The same layout is used in frames and in
//! heap objects, so a value is copied between them byte for byte; what the frame layout
//! adds on top (8-aligned parameter slots, temporaries) is `frame.rs`.

pub use gosub_types::layout::{round_up, Layout, Layouts, PtrWords};
