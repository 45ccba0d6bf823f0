//! Evaluation against gold corpora (placeholder).
