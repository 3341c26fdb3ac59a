//! Issue 14: a save writes again only the matters that changed — and the stored text is exactly what
//! writing every matter gives, after every kind of change.

use yingsu_engine::store::Register;
use yingsu_engine::store::RowCache;
use yingsu_engine::{synth, Matter};

#[test]
fn issue_14_cached_stored_text_equals_a_full_write_after_every_kind_of_change() {
    let mut reg = Register { matters: synth::register(800, 11), revision: 1, ..Register::default() };
    let mut cache = RowCache::default();
    let mut check = |reg: &Register, what: &str| {
        let cached = reg.to_json_cached(&mut cache);
        assert!(cached == reg.to_json(), "{what}: the cached text differs from a full write");
        assert_eq!(Register::from_json(&cached).unwrap().matters.len(), reg.matters.len(), "{what}");
    };
    check(&reg, "first write");
    check(&reg, "nothing changed");
    reg.matters[5].remarks = "改了备注，含逗号,引号\"和换行\n".into();
    check(&reg, "one field of one matter");
    reg.matters[6].answer_filed = None;
    reg.matters[7].plaintiff = "=1+1".into(); // the formula guard
    check(&reg, "two matters");
    // Everything JSON escapes (backslash, quotes, tab, a control character) and what it does not.
    reg.matters[8].remarks = "路径 C:\\材料\t\"引\"\u{1}\u{7f}\u{2028}😀".into();
    check(&reg, "characters JSON escapes");
    let mut new = Matter::new("（2026）京0112行初77777号");
    new.remarks = "新".into();
    reg.matters.insert(0, new);
    check(&reg, "a matter inserted at the front");
    reg.matters.remove(400);
    check(&reg, "a matter deleted");
    reg.matters.reverse();
    check(&reg, "order reversed");
    // Two matters exchange their 案号: each line must follow its content, not its key.
    let (a, b) = (reg.matters[1].case_no.clone(), reg.matters[2].case_no.clone());
    reg.matters[1].case_no = b;
    reg.matters[2].case_no = a;
    check(&reg, "案号 swapped");
    // An unknown column kept from an import appears: every line gains a cell.
    reg.matters[3].extra.push(("自定义列".into(), "值".into()));
    check(&reg, "an unknown column added");
    reg.matters[3].extra.clear();
    check(&reg, "the unknown column gone");
    // A cell kept as 待修正.
    reg.matters[4].invalid.push(("答辩提交日".into(), "2025-02-30".into()));
    check(&reg, "a cell kept as written");
    // The same 案号 twice (never saved by the app, but a stored file could hold it): both written.
    let twin = reg.matters[8].clone();
    reg.matters.push(twin);
    check(&reg, "a repeated 案号");
    reg.matters.last_mut().unwrap().remarks = "第二个".into();
    check(&reg, "the repeated 案号 edited");
    reg.matters.clear();
    check(&reg, "every matter deleted");
}

#[test]
fn issue_14_a_cache_primed_in_steps_gives_the_same_text() {
    let mut reg = Register { matters: synth::register(500, 3), revision: 1, ..Register::default() };
    let mut cache = RowCache::default();
    let mut at = 0;
    while at < reg.matters.len() {
        // A change between two steps (the user saved meanwhile) is no harm.
        if at == 200 {
            reg.matters[10].remarks = "步骤之间修改".into();
            reg.matters.remove(300);
        }
        at = cache.prime(&reg.matters, at, 64);
    }
    assert!(reg.to_json_cached(&mut cache) == reg.to_json());
    reg.matters[20].remarks = "之后修改".into();
    assert!(reg.to_json_cached(&mut cache) == reg.to_json());
}
