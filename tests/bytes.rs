//! `clean_bytes`: every encoding decodes, and every span points into the
//! original bytes, so decoding `&bytes[span]` gives back the block's text.

use std::borrow::Cow;

use deboiler::{Article, Cleaner, Error, InputKind};
use encoding_rs::Encoding;

/// Plain-text contract through `clean_bytes`: decoding the bytes a block's
/// span covers, in `encoding`, gives exactly the block's text, and the one
/// source span equals the block span.
fn assert_text_spans(bytes: &[u8], article: &Article<'_>, encoding: &'static Encoding) {
    assert_eq!(article.input_kind(), InputKind::Text);
    assert!(!article.blocks().is_empty(), "no blocks at all");
    let mut last = 0;
    for block in article.blocks() {
        let span = block.span();
        assert!(
            span.start >= last && span.end <= bytes.len(),
            "span {span} out of order or bounds"
        );
        last = span.end;
        let (decoded, _) = encoding.decode_without_bom_handling(&bytes[span]);
        assert_eq!(
            decoded,
            block.text(),
            "span {span} does not slice the block's text"
        );
        assert_eq!(block.source_spans().len(), 1);
        assert_eq!(block.source_spans()[0].source, span);
    }
}

/// HTML contract through `clean_bytes`: each source slice, decoded, holds no
/// markup, and collapsing its whitespace gives the text part. The inputs
/// below use no character references, so no reference decoding is needed.
fn assert_html_spans(bytes: &[u8], article: &Article<'_>, encoding: &'static Encoding) {
    assert_eq!(article.input_kind(), InputKind::Html);
    assert!(article.body().count() > 0, "no body blocks");
    let mut last = 0;
    for block in article.blocks() {
        for piece in block.source_spans() {
            let src = piece.source;
            assert!(
                src.start >= last && src.end <= bytes.len(),
                "source {src} out of order or bounds"
            );
            last = src.end;
            let (decoded, _) = encoding.decode_without_bom_handling(&bytes[src]);
            assert!(
                !decoded.contains('<'),
                "markup in source {src}: {decoded:?}"
            );
            let collapsed = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
            let part = &block.text()[piece.text];
            assert_eq!(
                collapsed,
                part.trim(),
                "source {src} does not give text {}",
                piece.text
            );
        }
    }
}

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(
        !unmappable,
        "test text not representable in {}",
        encoding.name()
    );
    bytes.into_owned()
}

const JAPANESE: &str = "東京で新しい図書館が開館した。\n\n市によると、蔵書は約十万冊で、誰でも無料で利用できる。\n\n開館式には多くの市民が集まり、館内を見学した。\n";
const KOREAN: &str = "서울시는 새로운 도서관을 열었다고 밝혔다.\n\n시에 따르면 장서는 약 십만 권이며 누구나 무료로 이용할 수 있다.\n\n개관식에는 많은 시민들이 모여 도서관 내부를 둘러보았다.\n";
const RUSSIAN: &str = "В Москве открылась новая библиотека.\n\nПо данным города, в её фонде около ста тысяч книг, и пользоваться ею может каждый бесплатно.\n\nНа открытие пришло много жителей.\n";
const CHINESE: &str = "北京市新建的图书馆今天正式开放。\n\n据市政府介绍，馆藏图书约十万册，所有人都可以免费使用。\n\n开馆仪式吸引了许多市民前来参观。\n";
const GERMAN: &str = "Die Bürgermeisterin eröffnete am Montag die neue Bücherei.\n\nNach Angaben der Stadt umfasst der Bestand rund hunderttausend Bücher, die jeder kostenlos ausleihen darf.\n\nZur Eröffnung kamen viele Bürger, die das Gebäude besichtigten.\n";

/// One named test per (encoding, text): undeclared legacy bytes are sniffed
/// and decoded, and each span decodes back to its block.
macro_rules! sniffed {
    ($($name:ident: $encoding:expr, $text:expr;)*) => {$(
        #[test]
        fn $name() {
            let bytes = encode($encoding, $text);
            let article = deboiler::clean_bytes(&bytes).unwrap();
            assert_text_spans(&bytes, &article, $encoding);
            let texts: Vec<&str> = article.blocks().iter().map(|b| b.text()).collect();
            let expected: Vec<&str> = $text.lines().filter(|l| !l.is_empty()).collect();
            assert_eq!(texts, expected);
        }
    )*};
}

sniffed! {
    sniffed_shift_jis: encoding_rs::SHIFT_JIS, JAPANESE;
    sniffed_euc_jp: encoding_rs::EUC_JP, JAPANESE;
    sniffed_euc_kr: encoding_rs::EUC_KR, KOREAN;
    sniffed_windows_1251: encoding_rs::WINDOWS_1251, RUSSIAN;
    sniffed_koi8_r: encoding_rs::KOI8_R, RUSSIAN;
    sniffed_gbk: encoding_rs::GBK, CHINESE;
    sniffed_windows_1252: encoding_rs::WINDOWS_1252, GERMAN;
}

#[test]
fn valid_utf8_is_not_copied() {
    let bytes = "Ein Absatz mit Umlauten: schön, grün, süß.\n".as_bytes();
    let article = deboiler::clean_bytes(bytes).unwrap();
    let block = &article.blocks()[0];
    assert!(matches!(block.text_cow(), Cow::Borrowed(_)));
    assert_eq!(&bytes[block.span()], block.text().as_bytes());
}

#[test]
fn bom_utf8_is_skipped_and_offsets_count_it() {
    let bytes = b"\xef\xbb\xbfHeadline\n\nThe first paragraph, a sentence.\n";
    let article = deboiler::clean_bytes(bytes).unwrap();
    let first = &article.blocks()[0];
    assert_eq!(first.text(), "Headline");
    assert_eq!(first.span(), deboiler::Span::new(3, 11));
    assert!(matches!(first.text_cow(), Cow::Borrowed(_)));
    assert_text_spans(bytes, &article, encoding_rs::UTF_8);
}

#[test]
fn bom_utf16le() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(GERMAN.encode_utf16().flat_map(u16::to_le_bytes));
    let article = deboiler::clean_bytes(&bytes).unwrap();
    assert_eq!(article.blocks().len(), 3);
    assert_eq!(article.blocks()[0].span().start, 2);
    assert_text_spans(&bytes, &article, encoding_rs::UTF_16LE);
}

#[test]
fn bom_utf16be_with_astral_characters() {
    let text = "Emoji 😀 and 𝄞 music, outside the BMP.\n\nSecond line 😀😀.\n";
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let article = deboiler::clean_bytes(&bytes).unwrap();
    assert_eq!(article.blocks()[1].text(), "Second line 😀😀.");
    assert_text_spans(&bytes, &article, encoding_rs::UTF_16BE);
}

#[test]
fn utf16le_without_bom() {
    let bytes: Vec<u8> = GERMAN.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let article = deboiler::clean_bytes(&bytes).unwrap();
    assert_text_spans(&bytes, &article, encoding_rs::UTF_16LE);
}

#[test]
fn utf16_unpaired_surrogate_becomes_replacement_at_its_offset() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(
        "A long enough line of text for one bad unit: "
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let bad = bytes.len();
    bytes.extend([0x00, 0xd8]); // a lone high surrogate
    bytes.extend(" done.".encode_utf16().flat_map(u16::to_le_bytes));
    let article = deboiler::clean_bytes(&bytes).unwrap();
    let block = &article.blocks()[0];
    assert!(block.text().contains("unit: \u{fffd} done."));
    assert_eq!(block.span(), deboiler::Span::new(2, bytes.len()));
    assert!(bad > 2);
}

#[test]
fn windows_1252_stray_bytes_in_utf8() {
    // A UTF-8 page with a windows-1252 paste: "naïve" in UTF-8, "café" in
    // windows-1252. Nothing is lost; each stray byte is one character.
    let mut bytes = "Zoë wrote a naïve piece about “coffee” in the "
        .as_bytes()
        .to_vec();
    bytes.extend(b"caf\xe9 on the corner.\n\nSecond paragraph, all UTF-8: Malm\xc3\xb6.\n");
    let article = deboiler::clean_bytes(&bytes).unwrap();
    let first = &article.blocks()[0];
    assert_eq!(
        first.text(),
        "Zoë wrote a naïve piece about “coffee” in the café on the corner."
    );
    assert_eq!(
        first.span(),
        deboiler::Span::new(0, bytes.iter().position(|&b| b == b'\n').unwrap())
    );
    let second = &article.blocks()[1];
    assert_eq!(&bytes[second.span().range()], second.text().as_bytes());
}

#[test]
fn invalid_utf8_truncated_sequence_at_end() {
    // The last character was cut in half by a download limit.
    let mut bytes = "Le café est fermé depuis lundi, annonce la mairie "
        .as_bytes()
        .to_vec();
    bytes.extend(b"\xe2\x80");
    let article = deboiler::clean_bytes(&bytes).unwrap();
    let block = &article.blocks()[0];
    assert!(block.text().starts_with("Le café est fermé"));
    assert_eq!(block.span().end, bytes.len());
}

#[test]
fn meta_charset_in_text_input() {
    // Text that quotes a meta tag in its first 1024 bytes is decoded as it
    // declares, as a browser would.
    let mut bytes = b"Saved with <meta charset=\"windows-1251\"> by the scraper.\n\n".to_vec();
    bytes.extend(encode(encoding_rs::WINDOWS_1251, RUSSIAN));
    let article = deboiler::clean_bytes(&bytes).unwrap();
    assert_text_spans(&bytes, &article, encoding_rs::WINDOWS_1251);
    assert_eq!(
        article.blocks()[1].text(),
        "В Москве открылась новая библиотека."
    );
}

#[test]
fn stale_declaration_on_utf8_bytes() {
    // The scraper re-encoded the page as UTF-8 and kept its old
    // declaration: the bytes win.
    let bytes = "Note <meta charset=iso-8859-1> left over.\n\nDie Bürgermeisterin eröffnete die Bücherei.\n".as_bytes();
    let article = deboiler::clean_bytes(bytes).unwrap();
    assert_eq!(
        article.blocks()[1].text(),
        "Die Bürgermeisterin eröffnete die Bücherei."
    );
    assert!(matches!(article.blocks()[1].text_cow(), Cow::Borrowed(_)));
}

#[test]
fn declared_encoding_with_dense_garbage_is_undecodable() {
    let mut bytes = b"<meta charset=shift_jis>\n".to_vec();
    let first_bad = bytes.len();
    bytes.extend(b"\x81\x20".repeat(200));
    assert_eq!(
        deboiler::clean_bytes(&bytes).unwrap_err(),
        Error::Undecodable {
            encoding: "Shift_JIS",
            offset: first_bad
        }
    );
}

#[test]
fn declared_encoding_with_one_bad_sequence_keeps_the_text() {
    let mut bytes = b"Saved as <meta charset=shift_jis>\n\n".to_vec();
    bytes.extend(encode(
        encoding_rs::SHIFT_JIS,
        "東京で新しい図書館が開館した。市によると、蔵書は約十万冊。",
    ));
    let bad = bytes.len();
    bytes.extend(b"\x81\x20");
    bytes.extend(encode(encoding_rs::SHIFT_JIS, "誰でも無料で利用できる。"));
    let article = deboiler::clean_bytes(&bytes).unwrap();
    let block = &article.blocks()[1];
    assert!(
        block.text().contains("十万冊。\u{fffd} 誰でも"),
        "{}",
        block.text()
    );
    assert!(block.span().start < bad && block.span().end == bytes.len());
    let (decoded, _) =
        encoding_rs::SHIFT_JIS.decode_without_bom_handling(&bytes[block.span().range()]);
    assert_eq!(decoded, block.text());
}

#[test]
fn nul_heavy_bytes_are_binary() {
    let bytes = b"text\0\0\0\0 and more\0\0\0\0\0\0";
    assert_eq!(
        deboiler::clean_bytes(bytes).unwrap_err(),
        Error::Binary {
            what: "NUL bytes",
            offset: 4
        }
    );
}

#[test]
fn one_stray_nul_in_long_text_is_kept() {
    let mut bytes =
        b"A paragraph with one stray NUL byte in it, from a broken scraper: \0 ".to_vec();
    bytes.extend(b"and the sentence goes on to its end.\n");
    let article = deboiler::clean_bytes(&bytes).unwrap();
    assert_eq!(article.blocks().len(), 1);
    assert!(article.blocks()[0].text().contains('\0'));
    assert_text_spans(&bytes, &article, encoding_rs::UTF_8);
}

/// Known binary signatures, one named test each.
macro_rules! binary {
    ($($name:ident: $bytes:expr => $what:expr;)*) => {$(
        #[test]
        fn $name() {
            let mut bytes: Vec<u8> = $bytes.to_vec();
            bytes.extend(b" followed by what could be text, to be sure it is the signature that counts");
            assert_eq!(
                deboiler::clean_bytes(&bytes).unwrap_err(),
                Error::Binary { what: $what, offset: 0 }
            );
        }
    )*};
}

binary! {
    binary_png: b"\x89PNG\r\n\x1a\n" => "PNG signature";
    binary_jpeg: b"\xff\xd8\xff\xe0" => "JPEG signature";
    binary_gif: b"GIF89a" => "GIF signature";
    binary_pdf: b"%PDF-1.7\n" => "PDF signature";
    binary_zip: b"PK\x03\x04" => "ZIP signature";
    binary_gzip: b"\x1f\x8b\x08\x00" => "gzip signature";
    binary_webp: b"RIFF\x24\x00\x00\x00WEBP" => "RIFF signature";
    binary_mp4: b"\x00\x00\x00\x18ftypmp42" => "MP4 signature";
}

#[test]
fn text_starting_like_a_short_signature_is_text() {
    for text in [
        "BMW shares rose on Monday.",
        "MZ Ventures led the round.",
        "BZh no digit here.",
    ] {
        let article = deboiler::clean_bytes(text.as_bytes()).unwrap();
        assert_eq!(article.blocks()[0].text(), text);
    }
}

#[test]
fn random_bytes_are_binary_not_garbage() {
    // A deterministic pseudo-random byte stream, as compressed data looks.
    let mut x: u32 = 0x1234_5678;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    assert!(matches!(
        deboiler::clean_bytes(&bytes),
        Err(Error::Binary { .. })
    ));
}

#[test]
fn limits_apply_to_the_original_bytes() {
    let cleaner = Cleaner::builder().max_input_bytes(10).build().unwrap();
    let err = cleaner
        .clean_bytes(b"\xff\xfeA\0B\0C\0D\0E\0F\0")
        .unwrap_err();
    assert_eq!(
        err,
        Error::InputTooLarge {
            size: 14,
            limit: 10
        }
    );
}

// HTML through clean_bytes: the SourceSpan contract holds in the original
// encoding.

#[test]
fn html_meta_charset_windows_1252() {
    let bytes = b"<html><head><meta charset=windows-1252><title>Caf\xe9</title></head><body>\
        <p>Un caf\xe9 au lait, s'il vous pla\xeet, dit le client \xe0 la terrasse.</p></body></html>";
    let article = deboiler::clean_bytes(bytes).unwrap();
    assert_html_spans(bytes, &article, encoding_rs::WINDOWS_1252);
    let block = article.body().next().unwrap();
    assert_eq!(
        block.text(),
        "Un café au lait, s'il vous plaît, dit le client à la terrasse."
    );
    assert_eq!(
        &bytes[block.span()],
        &b"Un caf\xe9 au lait, s'il vous pla\xeet, dit le client \xe0 la terrasse."[..]
    );
}

#[test]
fn html_http_equiv_shift_jis() {
    let mut bytes =
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">\
        </head><body><article><p>"
            .to_vec();
    bytes.extend(encode(
        encoding_rs::SHIFT_JIS,
        "東京で新しい図書館が開館した。市によると、蔵書は約十万冊で、誰でも無料で利用できる。",
    ));
    bytes.extend(b"</p></article></body></html>");
    let article = deboiler::clean_bytes(&bytes).unwrap();
    assert_html_spans(&bytes, &article, encoding_rs::SHIFT_JIS);
    assert!(article.body_text().contains("図書館が開館した。"));
}

#[test]
fn html_utf16le_with_bom() {
    let html = "<html><body><article><p>Die Bürgermeisterin eröffnete am Montag die neue Bücherei der Stadt.</p></article></body></html>";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
    let article = deboiler::clean_bytes(&bytes).unwrap();
    assert_html_spans(&bytes, &article, encoding_rs::UTF_16LE);
    assert!(article.body_text().contains("Bürgermeisterin"));
}

#[test]
fn html_valid_utf8_spans_are_the_input_offsets() {
    let html = "<html><body><article><p>Ein Absatz über die Bücherei, schön und grün.</p></article></body></html>";
    let bytes = html.as_bytes();
    let from_bytes = deboiler::clean_bytes(bytes).unwrap();
    let from_str = deboiler::clean_html(html).unwrap();
    let spans = |a: &Article<'_>| a.blocks().iter().map(|b| b.span()).collect::<Vec<_>>();
    assert_eq!(spans(&from_bytes), spans(&from_str));
    assert_html_spans(bytes, &from_bytes, encoding_rs::UTF_8);
}

#[test]
fn input_limit_counts_input_bytes_not_decoded_bytes() {
    // Found by fuzz_bytes: one windows-1252 byte decodes to two bytes of
    // UTF-8, and the decoded text was checked against the limit again.
    let cleaner = Cleaner::builder().max_input_bytes(1).build().unwrap();
    let article = cleaner.clean_bytes(b"\xff").unwrap();
    assert_eq!(article.blocks()[0].text(), "ÿ");
    assert_eq!(article.blocks()[0].span(), deboiler::Span::new(0, 1));
    let cleaner = Cleaner::builder().max_input_bytes(60).build().unwrap();
    let bytes = encode(
        encoding_rs::SHIFT_JIS,
        "東京で新しい図書館が開館した。誰でも無料で利用できる。",
    );
    assert!(bytes.len() <= 60);
    assert!(cleaner.clean_bytes(&bytes).is_ok());
}

/// One named test per (encoding, text): a page whose template declares
/// `<meta charset=utf-8>` over bytes in another encoding is decoded as what
/// the bytes are (or refused), never garbled through windows-1252.
macro_rules! contradicted_utf8 {
    ($($name:ident: $encoding:expr, $text:expr;)*) => {$(
        #[test]
        fn $name() {
            let mut bytes = b"<html><head><meta charset=utf-8></head><body><article>".to_vec();
            for para in $text.lines().filter(|l| !l.is_empty()) {
                bytes.extend(b"<p>");
                bytes.extend(encode($encoding, para));
                bytes.extend(b"</p>");
            }
            bytes.extend(b"</article></body></html>");
            match deboiler::clean_bytes(&bytes) {
                Ok(article) => {
                    assert_html_spans(&bytes, &article, $encoding);
                    let first = $text.lines().next().unwrap();
                    assert!(
                        article.blocks().iter().any(|b| b.text() == first),
                        "{:?}",
                        article.body_text()
                    );
                }
                Err(e) => assert!(matches!(e, Error::Undecodable { .. }), "{e}"),
            }
        }
    )*};
}

contradicted_utf8! {
    meta_utf8_over_windows_1251: encoding_rs::WINDOWS_1251, RUSSIAN;
    meta_utf8_over_shift_jis: encoding_rs::SHIFT_JIS, JAPANESE;
    meta_utf8_over_gbk: encoding_rs::GBK, CHINESE;
    meta_utf8_over_euc_kr: encoding_rs::EUC_KR, KOREAN;
}

/// UTF-16 without a BOM, in both byte orders, in scripts whose high or low
/// bytes are control bytes: recognised as text, not refused as binary.
macro_rules! utf16_without_bom {
    ($($name:ident: $big_endian:expr, $text:expr;)*) => {$(
        #[test]
        fn $name() {
            let (encoding, bytes): (&'static Encoding, Vec<u8>) = if $big_endian {
                (encoding_rs::UTF_16BE, $text.encode_utf16().flat_map(u16::to_be_bytes).collect())
            } else {
                (encoding_rs::UTF_16LE, $text.encode_utf16().flat_map(u16::to_le_bytes).collect())
            };
            let article = deboiler::clean_bytes(&bytes).unwrap();
            assert_text_spans(&bytes, &article, encoding);
            let texts: Vec<&str> = article.blocks().iter().map(|b| b.text()).collect();
            let expected: Vec<&str> = $text.lines().filter(|l| !l.is_empty()).collect();
            assert_eq!(texts, expected);
        }
    )*};
}

utf16_without_bom! {
    utf16le_russian_without_bom: false, RUSSIAN;
    utf16be_russian_without_bom: true, RUSSIAN;
    utf16le_japanese_without_bom: false, JAPANESE;
    utf16be_chinese_without_bom: true, CHINESE;
    utf16le_korean_without_bom: false, KOREAN;
}
