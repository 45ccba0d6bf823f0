fn main() {
    let text = std::fs::read_to_string("../shared/data/kazqad/contexts.txt").unwrap();
    let text = &text[..text.floor_char_boundary(600_000)];
    let mut n = 0;
    for _ in 0..2 {
        n += kazakh::numbers::extract(text).len();
    }
    println!("{n}");
}
