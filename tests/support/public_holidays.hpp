// Real public-holiday calendars written in C++, checked against the dates
// their governments published (tests/calendar/public_holidays_test.cpp), and
// the reference for the same calendars written in the rule language.
#pragma once

#include "support/calendars.hpp"

namespace slakit::test {

using namespace std::chrono;

inline Calendar us_federal() {
  auto def = nine_to_five("America/New_York");
  const auto shift = Observance::nearest_weekday;
  def.holidays = {
      {.name = "New Year's Day", .date = FixedDate{January / 1}, .observance = shift},
      {.name = "Birthday of Martin Luther King, Jr.", .date = NthWeekday{January, Monday, 3}},
      {.name = "Washington's Birthday", .date = NthWeekday{February, Monday, 3}},
      {.name = "Memorial Day", .date = NthWeekday{May, Monday, -1}},
      {.name = "Juneteenth National Independence Day",
       .date = FixedDate{June / 19},
       .observance = shift,
       .first_year = 2021},
      {.name = "Independence Day", .date = FixedDate{July / 4}, .observance = shift},
      {.name = "Labor Day", .date = NthWeekday{September, Monday, 1}},
      {.name = "Columbus Day", .date = NthWeekday{October, Monday, 2}},
      {.name = "Veterans Day", .date = FixedDate{November / 11}, .observance = shift},
      {.name = "Thanksgiving Day", .date = NthWeekday{November, Thursday, 4}},
      {.name = "Christmas Day", .date = FixedDate{December / 25}, .observance = shift},
  };
  return Calendar{def};
}

inline Calendar german_national() {
  auto def = nine_to_five("Europe/Berlin");
  def.holidays = {
      {.name = "Neujahr", .date = FixedDate{January / 1}},
      {.name = "Karfreitag", .date = EasterOffset{-2}},
      {.name = "Ostermontag", .date = EasterOffset{1}},
      {.name = "Tag der Arbeit", .date = FixedDate{May / 1}},
      {.name = "Christi Himmelfahrt", .date = EasterOffset{39}},
      {.name = "Pfingstmontag", .date = EasterOffset{50}},
      {.name = "Tag der Deutschen Einheit", .date = FixedDate{October / 3}},
      {.name = "Reformationstag (500 Jahre)", .date = OneOffDate{2017y / October / 31}},
      {.name = "Weihnachten", .date = AnnualRange{December / 25, December / 26}},
  };
  return Calendar{def};
}

inline Calendar english_bank_holidays() {
  auto def = nine_to_five("Europe/London");
  const auto substitute = Observance::next_free_weekday;
  def.holidays = {
      {.name = "New Year's Day", .date = FixedDate{January / 1}, .observance = substitute},
      {.name = "Good Friday", .date = EasterOffset{-2}},
      {.name = "Easter Monday", .date = EasterOffset{1}},
      {.name = "Early May bank holiday", .date = NthWeekday{May, Monday, 1}, .skip_years = {2020}},
      {.name = "Early May bank holiday (VE day)", .date = OneOffDate{2020y / May / 8}},
      {.name = "Spring bank holiday", .date = NthWeekday{May, Monday, -1}, .skip_years = {2022}},
      {.name = "Spring bank holiday", .date = OneOffDate{2022y / June / 2}},
      {.name = "Platinum Jubilee bank holiday", .date = OneOffDate{2022y / June / 3}},
      {.name = "Summer bank holiday", .date = NthWeekday{August, Monday, -1}},
      {.name = "Bank Holiday for the State Funeral of Queen Elizabeth II",
       .date = OneOffDate{2022y / September / 19}},
      {.name = "Bank holiday for the coronation of King Charles III",
       .date = OneOffDate{2023y / May / 8}},
      {.name = "Christmas Day", .date = FixedDate{December / 25}, .observance = substitute},
      {.name = "Boxing Day", .date = FixedDate{December / 26}, .observance = substitute},
  };
  return Calendar{def};
}

// Japan's national holidays (the Cabinet Office's list), 2024 to 2026: a
// holiday on a Sunday moves to the next day that is not a holiday; the
// equinox days are set each year, and a day between two holidays is one.
inline Calendar japanese_national() {
  auto def = nine_to_five("Asia/Tokyo");
  const auto substitute = Observance::sunday_to_next_free;
  auto fixed = [&](const char* name, month_day md) {
    return HolidayRule{.name = name, .date = FixedDate{md}, .observance = substitute};
  };
  auto monday = [&](const char* name, month m, int n) {
    return HolidayRule{.name = name, .date = NthWeekday{m, Monday, n}, .observance = substitute};
  };
  auto once = [&](const char* name, year_month_day d) {
    return HolidayRule{.name = name, .date = OneOffDate{d}, .observance = substitute};
  };
  def.holidays = {
      fixed("New Year's Day", January / 1),
      monday("Coming of Age Day", January, 2),
      fixed("National Foundation Day", February / 11),
      fixed("Emperor's Birthday", February / 23),
      once("Vernal Equinox Day", 2024y / March / 20),
      once("Vernal Equinox Day", 2025y / March / 20),
      once("Vernal Equinox Day", 2026y / March / 20),
      fixed("Showa Day", April / 29),
      fixed("Constitution Memorial Day", May / 3),
      fixed("Greenery Day", May / 4),
      fixed("Children's Day", May / 5),
      monday("Marine Day", July, 3),
      fixed("Mountain Day", August / 11),
      monday("Respect for the Aged Day", September, 3),
      once("Citizens' Holiday", 2026y / September / 22),
      once("Autumnal Equinox Day", 2024y / September / 22),
      once("Autumnal Equinox Day", 2025y / September / 23),
      once("Autumnal Equinox Day", 2026y / September / 23),
      monday("Sports Day", October, 2),
      fixed("Culture Day", November / 3),
      fixed("Labour Thanksgiving Day", November / 23),
  };
  return Calendar{def};
}

}  // namespace slakit::test
