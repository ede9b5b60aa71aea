//! The macros that declare layouts and parts: offsets derived from the declaration.

/// Declares a record layout: a unit type implementing [`Layout`] with one [`Field`] handle per
/// field, at offsets derived from the order and sizes of the fields (after the version byte).
///
/// ```
/// use cosmwasm_std::Uint128;
/// use commons::layout::{Layout, Stored};
///
/// commons::layout! {
///     /// A holder's balance and how many times it changed.
///     pub struct Purse("purse", version 1) {
///         BALANCE: Uint128,
///         CHANGES: u32,
///     }
/// }
///
/// let mut purse = Stored::<Purse>::new();
/// purse.set(Purse::BALANCE, Uint128::new(5));
/// assert_eq!(purse.get(Purse::BALANCE), Uint128::new(5));
/// assert_eq!((Purse::LEN, Purse::CHANGES.at()), (21, 17));
/// ```
#[macro_export]
macro_rules! layout {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($what:literal, version $version:literal) {
            $($(#[$fmeta:meta])* $field:ident: $ty:ty),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis struct $name;

        impl $crate::layout::Layout for $name {
            const NAME: &'static str = $what;
            const VERSION: u8 = $version;
            const LEN: usize = 1 $(+ <$ty as $crate::layout::Width>::SIZE)*;
        }

        impl $name {
            $crate::__layout_fields!($name, 1, $($(#[$fmeta])* $field: $ty,)*);
        }
    };
}

/// The field handles of [`layout!`], each at the end of the ones before it.
#[doc(hidden)]
#[macro_export]
macro_rules! __layout_fields {
    ($name:ident, $at:expr,) => {};
    ($name:ident, $at:expr, $(#[$fmeta:meta])* $field:ident: $ty:ty, $($rest:tt)*) => {
        $(#[$fmeta])*
        pub const $field: $crate::layout::Field<$name, $ty, { $at }> =
            $crate::layout::Field::new();
        $crate::__layout_fields!($name, $at + <$ty as $crate::layout::Width>::SIZE, $($rest)*);
    };
}

/// Declares a part: fields that several layouts hold in the same order (a voting-power
/// history in an account and in the supply). A layout takes it as one field; its fields have
/// [`Sub`] handles at offsets derived like a layout's, read and written in place through
/// [`Stored::part`] and [`Stored::part_mut`].
#[macro_export]
macro_rules! part {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $($(#[$fmeta:meta])* $field:ident: $ty:ty),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis struct $name;

        impl $crate::layout::Width for $name {
            const SIZE: usize = 0 $(+ <$ty as $crate::layout::Width>::SIZE)+;
        }

        impl $crate::layout::Part for $name {}

        impl $name {
            $crate::__part_fields!($name, 0, $($(#[$fmeta])* $field: $ty,)+);
        }
    };
}

/// The field handles of [`part!`], each at the end of the ones before it.
#[doc(hidden)]
#[macro_export]
macro_rules! __part_fields {
    ($name:ident, $at:expr,) => {};
    ($name:ident, $at:expr, $(#[$fmeta:meta])* $field:ident: $ty:ty, $($rest:tt)*) => {
        $(#[$fmeta])*
        pub const $field: $crate::layout::Sub<$name, $ty, { $at }> = $crate::layout::Sub::new();
        $crate::__part_fields!($name, $at + <$ty as $crate::layout::Width>::SIZE, $($rest)*);
    };
}
