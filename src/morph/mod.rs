//! Kazakh morphology: suffix analysis, lemmas and nominative forms of names.
