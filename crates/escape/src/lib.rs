//! gosub-escape: escape analysis (issue 4). Not yet implemented: until it is, the compiler
//! treats every variable whose address is taken or that a closure captures as escaping
//! (always sound, never stack-allocates what could outlive its frame).
