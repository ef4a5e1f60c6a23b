//! Plural forms. Welsh has six (zero, one, two, few, many, other) and English two; each
//! language file gives every form its language uses, and this picks one for a count.

use super::Lang;

/// CLDR plural categories, in the order a language file lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl Lang {
    /// The categories a language distinguishes for whole numbers (CLDR cardinal rules).
    pub fn plural_categories(self) -> &'static [Category] {
        match self {
            Lang::En => &[Category::One, Category::Other],
            Lang::Cy => &Category::ALL,
        }
    }

    /// The category of a whole number in this language.
    pub fn plural_category(self, n: u64) -> Category {
        match (self, n) {
            (Lang::En, 1) => Category::One,
            (Lang::En, _) => Category::Other,
            (Lang::Cy, 0) => Category::Zero,
            (Lang::Cy, 1) => Category::One,
            (Lang::Cy, 2) => Category::Two,
            (Lang::Cy, 3) => Category::Few,
            (Lang::Cy, 6) => Category::Many,
            (Lang::Cy, _) => Category::Other,
        }
    }
}

/// A message with a form per plural category; `{count}` in it is the number.
#[derive(Debug, Clone, Copy)]
pub struct Plural {
    lang: Lang,
    forms: [Option<&'static str>; 6],
}

impl Plural {
    pub(super) fn new(lang: Lang, forms: [Option<&'static str>; 6]) -> Plural {
        Plural { lang, forms }
    }

    /// The form for `n`, before its placeholders are filled.
    pub fn form(&self, n: u64) -> &'static str {
        let category = self.lang.plural_category(n);
        self.forms[category.index()]
            .or(self.forms[Category::Other.index()])
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_numbers_fall_into_the_cldr_categories() {
        let cases = [
            (0, Category::Zero),
            (1, Category::One),
            (2, Category::Two),
            (3, Category::Few),
            (4, Category::Other),
            (6, Category::Many),
            (11, Category::Other),
            (100, Category::Other),
        ];
        for (n, c) in cases {
            assert_eq!(Lang::Cy.plural_category(n), c, "{n}");
        }
        assert_eq!(Lang::En.plural_category(0), Category::Other);
        assert_eq!(Lang::En.plural_category(1), Category::One);
        assert_eq!(Lang::En.plural_category(2), Category::Other);
    }
}
