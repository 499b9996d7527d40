//! Numbers and dates side by side: for each group that two or more sources share, what each source says.
//!
//! A view of the report, not part of it: the text report and the app's Facts
//! view both read it from [`Report::numbers_and_dates`], so they list the
//! same rows. An item a conflict flag points at carries that flag's kind.

use crate::report::{At, FlagKind, GroupId, Report, SourceId};

/// One group's quantities and dates, per source.
#[derive(Clone, Debug, PartialEq)]
pub struct DetailRow {
    /// The group.
    pub group: GroupId,
    /// One cell per member of the group, in the group's member order; a
    /// member that gives no number or date has an empty cell.
    pub cells: Vec<DetailCell>,
}

/// What one source gives in a group.
#[derive(Clone, Debug, PartialEq)]
pub struct DetailCell {
    /// The report source.
    pub source: SourceId,
    /// Its numbers and dates in text order.
    pub items: Vec<DetailItem>,
}

/// A quantity or a date as written.
#[derive(Clone, Debug, PartialEq)]
pub struct DetailItem {
    /// Where it is.
    pub at: At,
    /// The words as written.
    pub text: String,
    /// Number or date.
    pub kind: DetailKind,
    /// The conflict flag that points at these words, if any.
    pub flag: Option<FlagKind>,
}

/// Whether a [`DetailItem`] is a quantity or a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailKind {
    /// A number with what it counts or measures.
    Quantity,
    /// A weekday, date, month, year, time or relative date.
    Date,
}

impl DetailRow {
    /// How many sources give at least one number or date in this row.
    pub fn sources_with_items(&self) -> usize {
        self.cells.iter().filter(|c| !c.items.is_empty()).count()
    }

    /// Whether any item in the row is part of a conflict flag.
    pub fn is_flagged(&self) -> bool {
        self.cells
            .iter()
            .any(|c| c.items.iter().any(|i| i.flag.is_some()))
    }
}

impl Report {
    /// The numbers and dates of every group with two or more members where
    /// some member gives one, in group order.
    ///
    /// ```
    /// # use crosscheck_engine::{compare, seeds, Config};
    /// let report = compare(&seeds::bundled(), &Config::default());
    /// let rows = report.numbers_and_dates();
    /// let first = &rows[0];
    /// let said: Vec<&str> = first.cells.iter().flat_map(|c| &c.items).map(|i| i.text.as_str()).collect();
    /// assert!(said.contains(&"Tuesday") && said.contains(&"Wednesday"));
    /// ```
    pub fn numbers_and_dates(&self) -> Vec<DetailRow> {
        let mut rows: Vec<DetailRow> = self
            .groups
            .iter()
            .filter(|g| g.coverage() > 1)
            .map(|g| DetailRow {
                group: g.id,
                cells: g
                    .members
                    .iter()
                    .map(|m| DetailCell {
                        source: m.source,
                        items: Vec::new(),
                    })
                    .collect(),
            })
            .collect();
        let row_of: Vec<Option<usize>> = {
            let mut index = vec![None; self.groups.len()];
            for (i, row) in rows.iter().enumerate() {
                if let Some(slot) = index.get_mut(row.group.index()) {
                    *slot = Some(i);
                }
            }
            index
        };
        for item in self.detail_items() {
            let row = item
                .at
                .group
                .and_then(|g| row_of.get(g.index()).copied().flatten());
            let cell = row.and_then(|r| {
                rows[r]
                    .cells
                    .iter_mut()
                    .find(|c| c.source == item.at.source)
            });
            if let Some(cell) = cell {
                cell.items.push(item);
            }
        }
        rows.retain(|r| r.sources_with_items() > 0);
        rows
    }

    /// Every quantity and date, in source and text order, with its flag.
    fn detail_items(&self) -> Vec<DetailItem> {
        let facts = &self.facts;
        let numbers = facts
            .quantities
            .iter()
            .map(|q| (q.at, &q.text, DetailKind::Quantity));
        let dates = facts
            .dates
            .iter()
            .map(|d| (d.at, &d.text, DetailKind::Date));
        let mut items: Vec<DetailItem> = numbers
            .chain(dates)
            .map(|(at, text, kind)| DetailItem {
                at,
                text: text.clone(),
                kind,
                flag: self.conflict_at(&at, kind),
            })
            .collect();
        crate::order::sort_by(&mut items, |i| {
            [
                i.at.source.index() as u64,
                i.at.start as u64,
                i.at.end as u64,
                0,
            ]
        });
        items
    }

    /// The kind of the first number or date flag with a side over `at`.
    fn conflict_at(&self, at: &At, kind: DetailKind) -> Option<FlagKind> {
        let kinds: &[FlagKind] = match kind {
            DetailKind::Quantity => &[FlagKind::NumberConflict],
            DetailKind::Date => &[FlagKind::WeekdayConflict, FlagKind::DateConflict],
        };
        self.facts
            .flags
            .iter()
            .filter(|f| kinds.contains(&f.kind))
            .find(|f| {
                f.sides
                    .iter()
                    .any(|s| s.at.source == at.source && s.at.start < at.end && at.start < s.at.end)
            })
            .map(|f| f.kind)
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::testing::report;

    /// Renders rows as `group: [source] item!, item | [source] -` lines; `!` marks a flagged item.
    fn table(texts: &[&str]) -> String {
        let report = report(texts);
        let mut out = String::new();
        for row in report.numbers_and_dates() {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| {
                    let items: Vec<String> = c
                        .items
                        .iter()
                        .map(|i| format!("{}{}", i.text, if i.flag.is_some() { "!" } else { "" }))
                        .collect();
                    let items = if items.is_empty() {
                        "-".to_owned()
                    } else {
                        items.join(", ")
                    };
                    format!("[{}] {items}", c.source)
                })
                .collect();
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
        out
    }

    fn check(texts: &[&str], expect: &str) {
        assert_eq!(table(texts), expect, "\nfor {texts:#?}");
    }

    #[test]
    fn each_source_value_of_a_shared_sentence() {
        check(
            &[
                "The leaders spoke for nearly 90 minutes on Tuesday about the ceasefire plan.",
                "The leaders spoke for about 90 minutes on Tuesday about the ceasefire plan.",
            ],
            "[0] nearly 90 minutes, Tuesday | [1] about 90 minutes, Tuesday\n",
        );
    }

    #[test]
    fn conflicting_weekdays_are_flagged() {
        check(
            &[
                "The leaders spoke by phone on Tuesday about the ceasefire plan for Ukraine.",
                "The leaders spoke by phone on Wednesday about the ceasefire plan for Ukraine.",
            ],
            "[0] Tuesday! | [1] Wednesday!\n",
        );
    }

    #[test]
    fn a_member_without_numbers_gets_an_empty_cell() {
        check(
            &[
                "The leaders spoke by phone on Tuesday about the ceasefire plan for Ukraine.",
                "The leaders spoke by phone about the ceasefire plan for Ukraine.",
            ],
            "[0] Tuesday | [1] -\n",
        );
    }

    #[test]
    fn sentences_only_one_source_has_are_left_out() {
        check(
            &[
                "The leaders spoke by phone on Tuesday.",
                "Markets in Asia fell sharply for 3 days in a row.",
            ],
            "",
        );
    }
}
