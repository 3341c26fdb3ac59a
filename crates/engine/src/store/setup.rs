//! The 设置 form as a [`Record`]: the settings and the profile, each field with its label and bounds, so
//! the page, the edit session's merge and the `yingsu` command line check a value in one place.

use super::{Profile, Register, Role};
use crate::model::Settings;
use crate::period::Counting;
use crate::record::Record;

/// What the 设置 form edits: the register's settings and this browser's profile.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Setup {
    pub settings: Settings,
    pub profile: Profile,
    /// Always empty: the form has no unknown columns.
    extra: Vec<(String, String)>,
}

/// Declares the fields of the 设置 form once: the enum, its order and each field's label.
macro_rules! setup_fields {
    ($($variant:ident = $label:literal,)*) => {
        /// A field of the 设置 form.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum SetupField {
            $($variant,)*
        }

        impl SetupField {
            /// Every field, in the form's order.
            pub const ALL: &'static [SetupField] = &[$(SetupField::$variant,)*];

            /// The label the form shows (and the command line names in its messages).
            pub fn label(self) -> &'static str {
                match self {
                    $(SetupField::$variant => $label,)*
                }
            }
        }
    };
}

setup_fields! {
    Counting = "计日方式",
    WarnDays = "即将到期提醒天数",
    ReportDays = "报告报送天数",
    TimelyDays = "及时事项提醒天数",
    Agency = "本机关名称",
    Role = "角色",
    User = "用户名",
    BackupAfterChanges = "备份提醒修改次数",
    BackupAfterDays = "备份提醒天数",
    StartDate = "开始使用日期",
}

impl SetupField {
    /// The largest value of a number field (the smallest is 0); `None` for the others.
    pub fn max(self) -> Option<u32> {
        match self {
            SetupField::WarnDays => Some(60),
            SetupField::ReportDays => Some(90),
            SetupField::TimelyDays => Some(365),
            SetupField::BackupAfterChanges => Some(10_000),
            SetupField::BackupAfterDays => Some(365),
            _ => None,
        }
    }

    /// Reads a number field's text within its bounds.
    pub fn number(self, v: &str) -> Result<u32, String> {
        let max = self.max().unwrap_or(u32::MAX);
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| format!("「{}」应为 0 到 {max} 的整数，收到「{v}」", self.label()))
    }
}

impl Setup {
    pub fn new(settings: Settings, profile: Profile) -> Setup {
        Setup { settings, profile, extra: Vec::new() }
    }

    /// The form's values as the register holds them.
    pub fn from_register(r: &Register) -> Setup {
        Setup::new(r.settings.clone(), r.profile.clone())
    }

    /// Writes the form's fields into the register (the 考核分值, saved on their own, are left as they are).
    pub fn apply_to(&self, r: &mut Register) {
        let weights = r.settings.assessment_weights;
        r.settings = Settings { assessment_weights: weights, ..self.settings.clone() };
        r.profile = self.profile.clone();
    }
}

impl Record for Setup {
    type Col = SetupField;
    const FILE: &'static str = "设置";
    const KEY_NAME: &'static str = "本机关名称";
    fn columns() -> &'static [SetupField] {
        SetupField::ALL
    }
    fn required() -> &'static [SetupField] {
        &[]
    }
    fn col_name(c: SetupField) -> &'static str {
        c.label()
    }
    fn col_from_name(s: &str) -> Option<SetupField> {
        SetupField::ALL.iter().copied().find(|c| c.label() == s.trim())
    }
    fn get(&self, c: SetupField) -> String {
        let (s, p) = (&self.settings, &self.profile);
        match c {
            SetupField::Counting => s.counting.label().to_string(),
            SetupField::WarnDays => s.warn_days.to_string(),
            SetupField::ReportDays => s.report_days.to_string(),
            SetupField::TimelyDays => s.timely_days.to_string(),
            SetupField::Agency => p.agency.clone(),
            SetupField::Role => p.role.label().to_string(),
            SetupField::User => p.user.clone(),
            SetupField::BackupAfterChanges => p.backup_after_changes.to_string(),
            SetupField::BackupAfterDays => p.backup_after_days.to_string(),
            SetupField::StartDate => s.start_date.map(crate::dates::fmt).unwrap_or_default(),
        }
    }
    fn write(&self, c: SetupField, out: &mut String) {
        out.push_str(&self.get(c));
    }
    fn set(&mut self, c: SetupField, v: &str) -> Result<(), String> {
        let (s, p) = (&mut self.settings, &mut self.profile);
        match c {
            SetupField::Counting => {
                s.counting = Counting::days_from_label(v)
                    .ok_or_else(|| format!("「计日方式」应为「自然日」或「工作日」，收到「{v}」"))?
            }
            SetupField::WarnDays => s.warn_days = c.number(v)?,
            SetupField::ReportDays => s.report_days = c.number(v)?,
            SetupField::TimelyDays => s.timely_days = c.number(v)?,
            SetupField::Agency => p.agency = v.trim().to_string(),
            SetupField::Role => {
                p.role = match v.trim() {
                    "区司法局" => Role::JusticeBureau,
                    "机关" => Role::Agency,
                    _ => return Err(format!("「角色」应为「机关」或「区司法局」，收到「{v}」")),
                }
            }
            SetupField::User => p.user = v.trim().to_string(),
            SetupField::BackupAfterChanges => p.backup_after_changes = c.number(v)?,
            SetupField::BackupAfterDays => p.backup_after_days = c.number(v)?,
            SetupField::StartDate => {
                s.start_date = match v.trim() {
                    "" => None,
                    t => Some(crate::dates::parse_date(t).map_err(|e| format!("「开始使用日期」：{e}"))?),
                }
            }
        }
        Ok(())
    }
    fn set_or_keep(&mut self, c: SetupField, v: &str) -> Result<(), String> {
        self.set(c, v)
    }
    fn key(&self) -> &str {
        &self.profile.agency
    }
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut Vec<(String, String)> {
        &mut self.extra
    }
}
