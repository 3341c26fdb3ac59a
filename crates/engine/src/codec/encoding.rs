//! Telling a file's encoding: UTF-8 with or without BOM here, UTF-16 (with or without a byte-order mark)
//! and GB18030/GBK through the caller's decoder (encoding_rs natively, the browser's `TextDecoder`).

use crate::error::FileError;

/// Text decoded from a file, with the encoding found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-8（带 BOM）`, `GB18030`, `UTF-16LE`, `UTF-16BE`.
    pub encoding: &'static str,
}

/// A legacy encoding a file turned out to need: the caller's decoder handles it (encoding_rs natively,
/// the browser's own `TextDecoder` in the page — both the WHATWG tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Utf16Le,
    Utf16Be,
    /// UTF-16LE without a byte-order mark (told by where its zero bytes stand).
    Utf16LeNoBom,
    /// UTF-16BE without a byte-order mark.
    Utf16BeNoBom,
    /// GB18030, a superset of GBK and GB2312 (what Excel on a Chinese Windows writes).
    Gb18030,
}

impl Legacy {
    /// The WHATWG label (for `TextDecoder`).
    pub fn label(self) -> &'static str {
        match self {
            Legacy::Utf16Le | Legacy::Utf16LeNoBom => "utf-16le",
            Legacy::Utf16Be | Legacy::Utf16BeNoBom => "utf-16be",
            Legacy::Gb18030 => "gb18030",
        }
    }
    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Utf16Le => "UTF-16LE",
            Legacy::Utf16Be => "UTF-16BE",
            Legacy::Utf16LeNoBom => "UTF-16LE（无 BOM）",
            Legacy::Utf16BeNoBom => "UTF-16BE（无 BOM）",
            Legacy::Gb18030 => "GB18030",
        }
    }
    /// The bytes to decode (a UTF-16 byte-order mark removed).
    pub fn body(self, bytes: &[u8]) -> &[u8] {
        match self {
            Legacy::Utf16Le | Legacy::Utf16Be => &bytes[2..],
            Legacy::Gb18030 | Legacy::Utf16LeNoBom | Legacy::Utf16BeNoBom => bytes,
        }
    }
    /// The error when the decoder finds bytes that are not valid in this encoding.
    pub fn invalid(self) -> FileError {
        match self {
            Legacy::Gb18030 => FileError("无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK".into()),
            _ => FileError(format!("文件不是有效的 {} 文本", self.name())),
        }
    }
}

/// Detects the encoding and decodes: UTF-8 with or without BOM here (it rarely validates by accident),
/// anything else through `legacy` (UTF-16 by its byte-order mark, otherwise GB18030).
pub fn decode_with(
    bytes: &[u8],
    legacy: impl FnOnce(&[u8], Legacy) -> Result<Decoded, FileError>,
) -> Result<Decoded, FileError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|t| Decoded { text: t.to_string(), encoding: "UTF-8（带 BOM）" })
            .map_err(|_| FileError("文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 文本".into()));
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return legacy(bytes, Legacy::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return legacy(bytes, Legacy::Utf16Be);
    }
    if bytes.contains(&0) {
        if let Some(enc) = sniff_utf16(bytes) {
            return legacy(bytes, enc);
        }
        return Err(FileError("这不是文本文件（含有二进制内容），请选择 CSV 文件".into()));
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(Decoded { text: t.to_string(), encoding: "UTF-8" }),
        Err(_) => legacy(bytes, Legacy::Gb18030),
    }
}

/// UTF-16 without a byte-order mark: a CSV file is mostly ASCII commas, digits and line breaks, whose
/// high byte is zero — so zero bytes stand (nearly) only at odd offsets (LE) or only at even ones (BE).
/// A file of odd length, shorter than 8 characters, or holding a U+0000 is not taken for UTF-16.
fn sniff_utf16(bytes: &[u8]) -> Option<Legacy> {
    if !bytes.len().is_multiple_of(2) || bytes.len() < 16 {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    if head.chunks_exact(2).any(|p| p == [0, 0]) {
        return None;
    }
    let zeros_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let zeros_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let clear = |many: usize, few: usize| many * 5 >= pairs && few * 50 <= many;
    if clear(zeros_odd, zeros_even) {
        Some(Legacy::Utf16LeNoBom)
    } else if clear(zeros_even, zeros_odd) {
        Some(Legacy::Utf16BeNoBom)
    } else {
        None
    }
}

/// [`decode_with`] encoding_rs (native builds: the CLI and the tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(bytes: &[u8]) -> Result<Decoded, FileError> {
    decode_with(bytes, |bytes, enc| {
        let coder = match enc {
            Legacy::Utf16Le | Legacy::Utf16LeNoBom => encoding_rs::UTF_16LE,
            Legacy::Utf16Be | Legacy::Utf16BeNoBom => encoding_rs::UTF_16BE,
            Legacy::Gb18030 => encoding_rs::GB18030,
        };
        let (text, had_errors) = coder.decode_without_bom_handling(enc.body(bytes));
        if had_errors {
            return Err(enc.invalid());
        }
        Ok(Decoded { text: text.into_owned(), encoding: enc.name() })
    })
}
