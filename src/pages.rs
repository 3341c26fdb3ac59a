//! One module per page.

pub mod agencies;
pub mod case;
pub mod cases;
pub mod exchange;
pub mod overview;
pub mod reports;
pub mod rules;
pub mod schedule;
pub mod selftest;
pub mod settings;
pub mod submissions;
