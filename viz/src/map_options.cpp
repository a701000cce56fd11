#include <bridgemap/viz/map_options.hpp>

#include <bridgemap/error.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace bridgemap::viz {

namespace {

/// The format named `name` (without the dot), if it is one.
std::optional<MapFormat> format_named(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "svg") return MapFormat::svg;
    if (lower == "png") return MapFormat::png;
    if (lower == "pdf") return MapFormat::pdf;
    if (lower == "dot" || lower == "gv") return MapFormat::dot;
    return std::nullopt;
}

}  // namespace

MapFormat parse_map_format(std::string_view name) {
    if (const auto format = format_named(name)) return *format;
    throw RequestError("--format " + std::string(name) + ": give svg, png, pdf or dot");
}

MapFormat map_format_for(const std::filesystem::path& path) {
    const std::string extension = path.extension().string();
    if (!extension.empty()) {
        if (const auto format = format_named(std::string_view(extension).substr(1))) return *format;
    }
    throw RequestError("cannot tell the map's format from \"" + path.filename().string() +
                       "\": name the file .svg, .png, .pdf or .dot");
}

std::string_view format_name(MapFormat format) noexcept {
    switch (format) {
        case MapFormat::svg:
            return "svg";
        case MapFormat::png:
            return "png";
        case MapFormat::pdf:
            return "pdf";
        case MapFormat::dot:
            return "dot";
    }
    return "svg";
}

MapLayout parse_map_layout(std::string_view text) {
    if (text == "auto" || text == "automatic") return MapLayout::automatic;
    if (text == "sfdp") return MapLayout::sfdp;
    if (text == "neato") return MapLayout::neato;
    if (text == "fdp") return MapLayout::fdp;
    throw RequestError("unknown layout \"" + std::string(text) + "\"; expected sfdp, neato, fdp or auto");
}

MapColouring parse_map_colouring(std::string_view text) {
    if (text == "sector") return MapColouring::sector;
    if (text == "community") return MapColouring::community;
    throw RequestError("unknown colouring \"" + std::string(text) + "\"; expected sector or community");
}

}  // namespace bridgemap::viz
