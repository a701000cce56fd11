#include <bridgemap/viz/map_options.hpp>

#include <bridgemap/error.hpp>

#include <algorithm>
#include <cctype>

namespace bridgemap::viz {

MapFormat map_format_for(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".svg") return MapFormat::svg;
    if (extension == ".png") return MapFormat::png;
    if (extension == ".pdf") return MapFormat::pdf;
    if (extension == ".dot" || extension == ".gv") return MapFormat::dot;
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
