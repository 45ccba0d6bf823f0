//! Gazetteers written from facts: places, personal names, organization heads.
