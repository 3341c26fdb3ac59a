//! Closed sets of Chinese values (`zh_enum!`): every enum the register, the CSV files and the UI write by a
//! Chinese label — 案件类型, 审级, 计日方式 … — is declared through it, so a label is written once and read back
//! by the same table. At the bottom of the engine: it uses no other module.

/// A closed set of Chinese values, written and read by its label; ordered as declared. One variant is marked
/// `#[default]`, or the set starts with `no_default:` when no value is a sensible default (a status, a kind).
macro_rules! zh_enum {
    (no_default: $(#[$meta:meta])* $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $label:literal ),+ $(,)? }) => {
        $crate::zh::zh_enum!(@enum [$(#[$meta])*] $name { $( [$(#[$vmeta])*] $variant = $label ),+ });
    };
    ($(#[$meta:meta])* $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $label:literal ),+ $(,)? }) => {
        $crate::zh::zh_enum!(@enum [$(#[$meta])* #[derive(Default)]] $name { $( [$(#[$vmeta])*] $variant = $label ),+ });
    };
    (@enum [$($meta:tt)*] $name:ident { $( [$($vmeta:tt)*] $variant:ident = $label:literal ),+ }) => {
        $($meta)*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name { $( $($vmeta)* #[serde(rename = $label)] $variant ),+ }

        impl $name {
            /// Every value, in the order CSV.md lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every label, in the same order (what a `<select>` offers).
            pub const LABELS: &'static [&'static str] = &[$($label),+];
            /// The Chinese label, as written in CSV files and shown in the UI.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// Reads a label (surrounding spaces ignored); `None` for anything else.
            pub fn from_label(s: &str) -> Option<Self> {
                match s.trim() { $($label => Some($name::$variant),)+ _ => None }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result { f.write_str(self.label()) }
        }
    };
}
pub(crate) use zh_enum;
