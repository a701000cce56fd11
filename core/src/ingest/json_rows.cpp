#include "ingest/table_rows.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace bridgemap::ingest {

std::string json_pointer_token(std::string_view key) {
    std::string token;
    for (const char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token.push_back(c);
        }
    }
    return token;
}

namespace {

/// A column that holds an id of a member, organisation, event or group.
bool is_id_column(std::string_view key) {
    return key == "id" || key.ends_with("_id") || key == "source" || key == "target" || key == "organisation" ||
           key == "parent";
}

/// Says once per id when a file writes it both as a number and as text.
void note_id_kind(std::string_view text, bool number, const std::string& pointer, RowReporter& reporter,
                  JsonIdKinds& ids) {
    if (text.empty()) return;
    const auto [first, added] = ids.first.try_emplace(std::string(text), JsonIdKinds::First{number, pointer});
    if (added || first->second.number == number || ids.warned.count(first->first) > 0) return;
    ids.warned.insert(first->first);
    const std::string quoted = "\"" + std::string(text) + "\"";
    reporter.diagnostics().warning_at(
        reporter.file(), pointer,
        "the id " + (number ? std::string(text) : quoted) + " is " + (number ? "a number" : "text") + " here but " +
            (number ? "text" : "a number") + " at " + first->second.pointer + "; both are read as the id " + quoted);
}

}  // namespace

void read_json_table(const void* json_document, const TableSchema& schema, RowReporter& reporter,
                     const RowHandler& handler, JsonIdKinds& ids) {
    const auto& document = *static_cast<const nlohmann::ordered_json*>(json_document);
    const std::string table_pointer = "/" + std::string(schema.table);
    const auto& table = document.at(std::string(schema.table));
    if (!table.is_array()) {
        reporter.diagnostics().error_at(reporter.file(), table_pointer,
                                        "\"" + std::string(schema.table) + "\" must be an array of objects");
        return;
    }
    std::vector<std::string> texts;
    std::vector<std::string_view> values(schema.columns.size());
    std::vector<std::string_view> extras;
    std::vector<std::string_view> extra_names;
    std::vector<std::string_view> all_fields;
    std::string pointer;
    for (std::size_t index = 0; index < table.size(); ++index) {
        const auto& element = table[index];
        pointer = table_pointer + "/" + std::to_string(index);
        if (!element.is_object()) {
            reporter.diagnostics().error_at(reporter.file(), pointer, "each row must be an object");
            continue;
        }
        texts.clear();
        texts.reserve(element.size());
        bool usable = true;
        for (const auto& [key, value] : element.items()) {
            if (value.is_string()) {
                texts.push_back(value.get<std::string>());
            } else if (value.is_number() || value.is_boolean()) {
                texts.push_back(value.dump());
            } else if (value.is_null()) {
                texts.emplace_back();
            } else {
                reporter.diagnostics().error_at(reporter.file(), pointer + "/" + json_pointer_token(key),
                                                "\"" + key + "\" must be text, a number, true/false or null");
                usable = false;
                texts.emplace_back();
            }
        }
        std::fill(values.begin(), values.end(), std::string_view());
        extras.clear();
        extra_names.clear();
        all_fields.clear();
        std::vector<bool> present(schema.columns.size(), false);
        std::size_t k = 0;
        for (const auto& [key, value] : element.items()) {
            const std::string_view text = texts[k++];
            const auto known = std::find(schema.columns.begin(), schema.columns.end(), key);
            if (known != schema.columns.end() && is_id_column(key) && (value.is_number() || value.is_string())) {
                note_id_kind(trim(text), value.is_number(), pointer + "/" + json_pointer_token(key), reporter, ids);
            }
            all_fields.push_back(key);
            all_fields.push_back(text);
            if (known != schema.columns.end()) {
                const auto column = static_cast<std::size_t>(known - schema.columns.begin());
                values[column] = trim(text);
                present[column] = true;
            } else {
                extra_names.push_back(key);
                extras.push_back(text);
            }
        }
        for (std::size_t column = 0; column < schema.required; ++column) {
            if (!present[column]) {
                reporter.diagnostics().error_at(
                    reporter.file(), pointer,
                    "required key \"" + std::string(schema.columns[column]) + "\" is missing");
                usable = false;
            }
        }
        if (!usable) continue;
        TableRow row{values, extras, extra_names, 0, 0, pointer, 0, 0};
        fingerprint_fields(all_fields, row.fingerprint_low, row.fingerprint_high);
        handler(row);
    }
}

}  // namespace bridgemap::ingest
