#pragma once
// Errors are values (DESIGN.md): every entry point returns them, none throws.
#include <string>
#include <utility>
#include <vector>

namespace privacy {

// Stable error codes; the same strings reach JS as PrivacyError.code.
namespace code {
inline constexpr const char* invalid_input = "invalid_input";
inline constexpr const char* not_found = "not_found";
inline constexpr const char* forbidden = "forbidden";
inline constexpr const char* conflict = "conflict";
inline constexpr const char* consent_required = "consent_required";
inline constexpr const char* not_understood = "not_understood";
inline constexpr const char* unsupported_version = "unsupported_version";
inline constexpr const char* internal = "internal";
}  // namespace code

struct Error {
  std::string code;
  std::string path;  // JSON-pointer-like: "recordings[3].capturedAt"
  std::string message;
  bool operator==(const Error&) const = default;
};

using Errors = std::vector<Error>;

// A value or the errors that prevented it.
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)), ok_(true) {}  // NOLINT: implicit by design
  Result(Errors errors) : errors_(std::move(errors)) {}     // NOLINT
  Result(Error error) : errors_{std::move(error)} {}         // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const T& value() const& { return value_; }
  T& value() & { return value_; }
  T&& value() && { return std::move(value_); }
  const T& operator*() const& { return value_; }
  T& operator*() & { return value_; }
  const T* operator->() const { return &value_; }
  T* operator->() { return &value_; }
  const Errors& errors() const { return errors_; }

 private:
  T value_{};
  Errors errors_;
  bool ok_ = false;
};

}  // namespace privacy
