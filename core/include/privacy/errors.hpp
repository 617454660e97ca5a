#pragma once
// Errors are values (DESIGN.md): every entry point returns them, none throws.
#include <optional>
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
// A limit was exceeded; the message names it.
inline constexpr const char* too_large = "too_large";
// A command's `now` is before the audit log's last entry (R-INT-3).
inline constexpr const char* out_of_order = "out_of_order";
// An imported state whose audit log does not vouch for it (R-INT-3).
inline constexpr const char* audit_invalid = "audit_invalid";
// A consent signal that does not decode (TC string, GPP string).
inline constexpr const char* invalid_signal = "invalid_signal";
// A signal that decodes but breaks its framework's current rules (a TC string
// against TCF v2.3, R-SIG-1); the message names the field.
inline constexpr const char* noncompliant_signal = "noncompliant_signal";
// Signals that decode but cannot all be true (e.g. two different TC strings,
// a notice of "not applicable" beside a choice, R-SIG-2).
inline constexpr const char* contradictory_signal = "contradictory_signal";
inline constexpr const char* internal = "internal";
// The package's own: the engine was closed, or its WebAssembly did not load.
inline constexpr const char* closed = "closed";
inline constexpr const char* wasm_load_failed = "wasm_load_failed";
}  // namespace code

// Every code, for the generated types and the reference.
inline constexpr const char* kErrorCodes[] = {
    code::invalid_input, code::not_found, code::forbidden, code::conflict, code::consent_required,
    code::not_understood, code::unsupported_version, code::too_large, code::out_of_order,
    code::audit_invalid, code::invalid_signal, code::noncompliant_signal, code::contradictory_signal, code::internal,
    code::closed, code::wasm_load_failed};

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
  Result(T value) : value_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Errors errors) : errors_(std::move(errors)) {}  // NOLINT
  Result(Error error) : errors_{std::move(error)} {}     // NOLINT

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }
  const Errors& errors() const { return errors_; }

 private:
  std::optional<T> value_;
  Errors errors_;
};

}  // namespace privacy
