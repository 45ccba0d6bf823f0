//! The stem lexicon's index, `src/morph/lexicon.idx`: a hash table of the
//! offsets of the lines of `src/morph/lexicon.txt`, in the format of
//! `src/morph/lexindex.rs`, so that the library looks stems up where they
//! lie instead of building a map at start-up.

use std::collections::HashMap;

use crate::lexindex::{self, EMPTY, FILTER_BITS, FILTER_BYTES, MAGIC};
use crate::workspace_root;

/// Path of the index relative to the workspace root.
pub const PATH: &str = "src/morph/lexicon.idx";

/// Path of the lexicon it indexes.
pub const SOURCE: &str = "src/morph/lexicon.txt";

/// Reads the lexicon and renders its index.
pub fn render() -> Result<Vec<u8>, String> {
    let path = workspace_root().join(SOURCE);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    index(&text)
}

/// The index of a lexicon's text.
pub fn index(text: &str) -> Result<Vec<u8>, String> {
    // The last line of a stem wins, as with a map filled line by line.
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (at, line) in lexindex::lines(text) {
        if let Some((word, ..)) = lexindex::parse(line) {
            last.insert(word, at);
        }
    }
    let mut lines: Vec<(usize, &str)> = last.into_iter().map(|(w, at)| (at, w)).collect();
    lines.sort_unstable();
    if text.len() >= EMPTY as usize {
        return Err(format!("{SOURCE} is too large for 32-bit offsets"));
    }
    // Slots for a load of at most 0.4: few probes per look-up.
    let mut bits = 10u32;
    while (1usize << bits) * 2 < lines.len() * 5 {
        bits += 1;
    }
    let mask = (1usize << bits) - 1;
    let mut filter = vec![0u8; FILTER_BYTES];
    let mut slots = vec![EMPTY; 1 << bits];
    for &(at, word) in &lines {
        let h = lexindex::sketch(word.as_bytes());
        let bit = (h >> (64 - FILTER_BITS)) as usize;
        filter[bit / 8] |= 1 << (bit % 8);
        let mut slot = (h >> (64 - bits)) as usize;
        while slots[slot] != EMPTY {
            slot = (slot + 1) & mask;
        }
        slots[slot] = at as u32;
    }
    let mut out = Vec::with_capacity(12 + filter.len() + 4 * slots.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&(lines.len() as u32).to_le_bytes());
    out.extend_from_slice(&filter);
    for s in slots {
        out.extend_from_slice(&s.to_le_bytes());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stem_listed_twice_keeps_its_last_line() {
        let text = "# comment\nаба\tn\t1\nаба\tv\t2\nбар\t\t0\n";
        let idx = index(text).unwrap();
        assert_eq!(&idx[..4], MAGIC);
        assert_eq!(u32::from_le_bytes([idx[8], idx[9], idx[10], idx[11]]), 1);
        let slots: Vec<u32> = idx[12 + FILTER_BYTES..]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .filter(|&s| s != EMPTY)
            .collect();
        assert_eq!(slots, [text.find("аба\tv").unwrap() as u32]);
    }
}
