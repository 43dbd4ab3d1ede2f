// Lengths with their unit in the type: profiles state millimetres (as the rules do), pages are
// drawn in PDF points. Converting is explicit, so a margin can never be added to a font size.
#pragma once

namespace vanban {

template <class Unit>
struct Length {
  double value = 0;

  constexpr Length() = default;
  constexpr explicit Length(double v) : value(v) {}

  constexpr Length operator+(Length o) const { return Length(value + o.value); }
  constexpr Length operator-(Length o) const { return Length(value - o.value); }
  constexpr Length operator*(double k) const { return Length(value * k); }
  constexpr Length operator/(double k) const { return Length(value / k); }
  constexpr auto operator<=>(const Length&) const = default;
};

struct PtUnit {};
struct MmUnit {};
using Pt = Length<PtUnit>;  // 1/72 inch
using Mm = Length<MmUnit>;

namespace length_detail {
inline constexpr double kPtPerMm = 72.0 / 25.4;  // 1 in = 25.4 mm = 72 pt
}

constexpr Pt to_pt(Mm mm) { return Pt(mm.value * length_detail::kPtPerMm); }
constexpr Mm to_mm(Pt pt) { return Mm(pt.value / length_detail::kPtPerMm); }

}  // namespace vanban
