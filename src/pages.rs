//! One module per page.

pub mod agencies;
pub mod case;
pub mod cases;
pub mod exchange;
pub mod holidays;
pub mod overview;
pub mod reports;
pub mod rules;
pub mod selftest;
pub mod settings;
