//! One module per page, and the one place a page's view is chosen: [`view`] in the page's module,
//! [`more_view`] in the second module (`crate::more`). Both matches are exhaustive over
//! [`crate::route::Page`], whose table gives each page its slug, title and module.

pub mod agencies;
pub mod case;
pub mod cases;
pub mod exchange;
pub mod lazy;
pub mod overview;
pub mod reports;
pub mod rules;
pub mod schedule;
pub mod selftest;
pub mod settings;
pub mod submissions;

use crate::route::{Home, Page};
use leptos::prelude::*;

/// The view of `page` in the page's own module: its own pages drawn here, the second module's pages as
/// a [`lazy::LazyPage`] that loads them.
pub fn view(page: Page) -> AnyView {
    match page {
        Page::Overview => view! { <overview::Overview/> }.into_any(),
        Page::Schedule => view! { <schedule::SchedulePage/> }.into_any(),
        Page::Cases => view! { <cases::Cases/> }.into_any(),
        Page::Case(key) => view! { <case::CasePage key=key/> }.into_any(),
        Page::NotFound(p) => view! {
            <section class="page">
                <h1>"页面不存在"</h1>
                <p>"地址「" {p} "」不对应任何页面。"</p>
                <p><a href="#/">"返回总览"</a></p>
            </section>
        }
        .into_any(),
        p @ (Page::Agencies | Page::Exchange | Page::Reports | Page::Settings | Page::Rules | Page::SelfTest) => {
            debug_assert_eq!(p.home(), Home::More);
            view! { <lazy::LazyPage name=p.slug()/> }.into_any()
        }
    }
}

/// The view of `page` in the second module; `None` for a page of the page's own module.
pub fn more_view(page: &Page) -> Option<AnyView> {
    Some(match page {
        Page::Reports => view! { <reports::Reports/> }.into_any(),
        Page::Exchange => view! { <exchange::Exchange/> }.into_any(),
        Page::Settings => view! { <settings::SettingsPage/> }.into_any(),
        Page::Agencies => view! { <agencies::Agencies/> }.into_any(),
        Page::Rules => view! { <rules::Rules/> }.into_any(),
        Page::SelfTest => view! { <selftest::SelfTest/> }.into_any(),
        Page::Overview | Page::Schedule | Page::Cases | Page::Case(_) | Page::NotFound(_) => return None,
    })
}
