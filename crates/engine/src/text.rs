//! Text helpers below the model and the codec: trimming, comparing keys as people read them, and showing
//! characters that a screen would hide.
//!
//! Two 案号 that look the same must be the same matter: `(2025)京0112行初1号` (half-width brackets),
//! `（２０２５）京0112行初1号` (full-width digits) and `（2025）京0112行初1号` with a zero-width space all read
//! as `（2025）京0112行初1号`. [`key_norm`] gives the form they are matched by; the text as written is kept.

use std::borrow::Cow;

/// Removes surrounding spaces (only spaces: a leading tab is content). Most cells have none, and this
/// runs for every cell of an import.
pub fn trim_spaces(s: &str) -> &str {
    let b = s.as_bytes();
    if b.first() != Some(&b' ') && b.last() != Some(&b' ') {
        return s;
    }
    s.trim_matches(' ')
}

/// A character that changes how text is shown without being seen: C0/C1 controls other than tab and
/// line breaks, zero-width characters, bidirectional embeddings, overrides and isolates, the BOM, the
/// soft hyphen. `BIDI\u{202E}gpj.exe` displays as `BIDIexe.jpg`.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{61c}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

/// The hidden controls of a text, each once, in order of appearance.
pub fn hidden_controls(s: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in s.chars().filter(|c| is_hidden_control(*c)) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// `⟨U+202E⟩`.
pub fn code_point(c: char) -> String {
    format!("⟨U+{:04X}⟩", c as u32)
}

/// The text with every hidden control written out as `⟨U+XXXX⟩`, for display.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_hidden_control(c) {
            out.push_str(&code_point(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A character XML 1.0 does not allow at all (`Char` production): C0 controls other than tab, line feed
/// and carriage return, and the noncharacters U+FFFE and U+FFFF. One of them makes a .docx unreadable.
pub fn is_xml_illegal(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// A text as a generated document carries it (.docx, .ics, the print layout): a line break typed with
/// Shift+Enter in Word (U+000B) or a page break (U+000C) becomes a space; every other hidden control —
/// bidirectional overrides included — and U+FFFE/U+FFFF are written out as `⟨U+XXXX⟩`, as the page shows
/// them. What is left is valid XML character data and reads in the order it was typed.
pub fn for_document(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_hidden_control(c) || is_xml_illegal(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\u{b}' | '\u{c}' => out.push(' '),
            c if is_hidden_control(c) || is_xml_illegal(c) => out.push_str(&code_point(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The form a key (案号, 机关名称) is compared by: full-width ASCII forms (brackets, digits, letters) as
/// half-width, the full-width space and every other space removed, hidden controls removed, Chinese
/// brackets （） and ASCII () the same. Never stored: matching only.
pub fn key_norm(s: &str) -> Cow<'_, str> {
    let plain = s.bytes().all(|b| b.is_ascii_graphic());
    if plain {
        return Cow::Borrowed(s);
    }
    Cow::Owned(key_norm_chars(s).collect())
}

/// The characters of [`key_norm`], one by one (a plain ASCII key is its own form: nothing is removed or
/// mapped in it).
fn key_norm_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !is_hidden_control(*c) && !c.is_whitespace()).map(|c| match c {
        // Full-width ASCII variants (！ … ～) → ASCII.
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '〔' | '【' => '[',
        '〕' | '】' => ']',
        _ => c,
    })
}

/// Whether `key` reads as the key whose [`key_norm`] is `norm`, without building its form (a save
/// compares one 案号 with every other of the register).
pub fn reads_as(key: &str, norm: &str) -> bool {
    key_norm_chars(key).eq(norm.chars())
}

/// Two keys that differ as written but read the same.
pub fn lookalike(a: &str, b: &str) -> bool {
    a != b && key_norm(a) == key_norm(b)
}

/// How a name given by a user (`--agency`, 本机关名称) meets the names in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatch {
    /// Written as in the data.
    Exact(String),
    /// Reads as a name of the data (spaces, widths, hidden characters): that name, as the data writes it.
    Lookalike(String),
    /// Not in the data: the nearest names, nearest first (at most three; none when nothing is close).
    Unknown(Vec<String>),
}

/// Finds `input` among `names` as people read names ([`key_norm`]).
pub fn match_name<'a>(input: &str, names: impl IntoIterator<Item = &'a str>) -> NameMatch {
    let names: Vec<&str> = names.into_iter().collect();
    if let Some(n) = names.iter().find(|n| **n == input) {
        return NameMatch::Exact(n.to_string());
    }
    let norm = key_norm(input);
    if let Some(n) = names.iter().find(|n| reads_as(n, &norm)) {
        return NameMatch::Lookalike(n.to_string());
    }
    NameMatch::Unknown(nearest(&norm, &names, 3))
}

/// The names nearest to `norm` (a [`key_norm`] form) by edit distance over characters, nearest first; a
/// name further than half its length away is not offered.
pub fn nearest(norm: &str, names: &[&str], n: usize) -> Vec<String> {
    let want: Vec<char> = norm.chars().collect();
    let mut scored: Vec<(usize, &str)> = names
        .iter()
        .filter_map(|name| {
            let have: Vec<char> = key_norm(name).chars().collect();
            let d = edit_distance(&want, &have);
            (d * 2 <= have.len().max(want.len()) || contains_run(&have, &want)).then_some((d, *name))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(n).map(|(_, s)| s.to_string()).collect()
}

/// `part` occurs in `hay` as a run (区城管 in 区城管委).
fn contains_run(hay: &[char], part: &[char]) -> bool {
    !part.is_empty() && hay.windows(part.len()).any(|w| w == part)
}

/// Levenshtein distance over characters (names are short: quadratic is nothing here).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A cheap 32-bit FNV-1a hash (storage read-back checks; not for security).
pub fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {

    #[test]
    fn reads_as_is_key_norm_equality() {
        let keys = [
            "（2025）京0112行初1号",
            "(2025)京0112行初1号",
            "（2025）京0112行初1号\u{200b}",
            "（２０２５）京0112行初1号",
            "（2025） 京0112行初1号",
            "〔2025〕1号",
            "[2025]1号",
            "A-1",
            "A-2",
            "",
            "　",
        ];
        for a in keys {
            for b in keys {
                assert_eq!(
                    super::reads_as(a, &super::key_norm(b)),
                    super::key_norm(a) == super::key_norm(b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn issue_12_lookalike_case_numbers_read_the_same() {
        let canonical = "（2025）京0112行初1号";
        for v in [
            "(2025)京0112行初1号",
            "（2025）京0112行初1号\u{200b}",
            "\u{202d}（2025）京0112行初1号",
            " （２０２５）京０１１２行初１号 ",
            "（2025）京0112 行初1号",
        ] {
            assert_eq!(key_norm(v), key_norm(canonical), "{v:?}");
            assert!(lookalike(v, canonical), "{v:?}");
        }
        assert!(!lookalike(canonical, canonical));
        assert_ne!(key_norm("（2025）京0112行初2号"), key_norm(canonical));
    }

    #[test]
    fn issue_21_document_text_is_valid_xml_and_reads_as_typed() {
        assert_eq!(for_document("第一行\u{b}第二行"), "第一行 第二行");
        assert_eq!(for_document("A\u{fffe}B\u{1}C"), "A⟨U+FFFE⟩B⟨U+0001⟩C");
        assert_eq!(for_document("BIDI\u{202e}gpj.exe"), "BIDI⟨U+202E⟩gpj.exe");
        assert_eq!(for_document("制表\t换行\n"), "制表\t换行\n");
        assert!(!for_document("\u{0}\u{b}\u{c}\u{1f}\u{fffe}\u{ffff}").chars().any(is_xml_illegal));
    }

    #[test]
    fn issue_12_bidi_override_is_shown() {
        assert_eq!(visible("BIDI\u{202e}gpj.exe"), "BIDI⟨U+202E⟩gpj.exe");
        assert_eq!(visible("普通文本\t含制表符"), "普通文本\t含制表符");
        assert_eq!(hidden_controls("a\u{200b}b\u{200b}\u{7}"), vec!['\u{200b}', '\u{7}']);
    }
}
