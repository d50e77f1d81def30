//! Finding records in a file's outline: a list's items, a forecast by its id.

use super::syntax::Node;

/// The items of the top-level struct's list field `list` (none when it is left out).
pub(crate) fn list_items<'a>(root: &'a Node, list: &str) -> &'a [Node] {
    root.field(list).map_or(&[], |field| field.value.items())
}

/// The forecast with this id: its index in the `forecasts` list and its node.
pub(crate) fn find_forecast<'a>(root: &'a Node, text: &str, id: &str) -> Option<(usize, &'a Node)> {
    find_in(root, "forecasts", text, id)
}

/// The record with this id in the top-level list `list`: its index and its node.
pub(crate) fn find_in<'a>(
    root: &'a Node,
    list: &str,
    text: &str,
    id: &str,
) -> Option<(usize, &'a Node)> {
    list_items(root, list).iter().enumerate().find(|(_, item)| {
        item.field("id")
            .and_then(|field| field.value.string_value(text))
            .is_some_and(|found| found == id)
    })
}
