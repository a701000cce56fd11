#pragma once
// The RAII wrappers of Graphviz's C handles, and the one place that turns a Graphviz failure
// into an exception. Private to bridgemap::viz: the only header that includes Graphviz.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::viz::detail {

/// Graphviz keeps global state (error handler, random seed, caches): hold this lock for
/// everything from opening a graph to freeing its rendered data.
std::mutex& graphviz_mutex();

/// Collects the messages Graphviz reports while it lives (instead of printing them to
/// stderr) and restores the previous handler when it goes. Create it under graphviz_mutex().
class GraphvizMessages {
public:
    GraphvizMessages();
    GraphvizMessages(const GraphvizMessages&) = delete;
    GraphvizMessages& operator=(const GraphvizMessages&) = delete;
    ~GraphvizMessages();

    /// Throws bridgemap::Error "Graphviz could not WHAT: MESSAGES" when `status` is non-zero.
    void check(int status, std::string_view what) const;
    /// Everything reported so far, one message per line.
    [[nodiscard]] std::string text() const;

private:
    agusererrf previous_handler_;
    agerrlevel_t previous_level_;
};

/// A Graphviz context (GVC_t) with every installed plugin loaded.
class Context {
public:
    Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    ~Context();
    [[nodiscard]] GVC_t* get() const noexcept { return context_; }

private:
    GVC_t* context_;
};

/// The one Graphviz context of the process, made on first use and never freed. Graphviz
/// 2.42's pango plugin remembers the last font name it measured as a pointer into the
/// context's font table, so measuring text in a second context after freeing the first reads
/// freed memory (AddressSanitizer found it); one context for the process's life avoids that.
/// Use it only while holding graphviz_mutex().
const Context& shared_context();

/// An undirected graph (Agraph_t), closed when it goes.
class Graph {
public:
    explicit Graph(const char* name);
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;
    ~Graph();
    [[nodiscard]] Agraph_t* get() const noexcept { return graph_; }

private:
    Agraph_t* graph_;
};

/// A layout of a graph, freed (gvFreeLayout) when it goes. Throws when the engine fails.
class Layout {
public:
    Layout(const Context& context, const Graph& graph, const char* engine, const GraphvizMessages& messages);
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;
    ~Layout();

private:
    GVC_t* context_;
    Agraph_t* graph_;
};

/// Rounds every position of a laid-out graph (nodes, labels, edge curves, the bounding box)
/// to 1/100 point. Graphviz places external labels in an order that depends on memory
/// addresses, which moves them, the bounding box and so the whole drawing by a rounding
/// error from run to run: invisible, but enough to change a PDF's bytes. Call after the
/// layout, before rendering.
void snap_positions(const Graph& graph);

/// A laid-out graph rendered to memory (gvRenderData), freed with gvFreeRenderData.
class RenderedData {
public:
    RenderedData(const Context& context, const Graph& graph, const char* format, const GraphvizMessages& messages);
    RenderedData(const RenderedData&) = delete;
    RenderedData& operator=(const RenderedData&) = delete;
    ~RenderedData();
    [[nodiscard]] std::string_view bytes() const noexcept { return {data_, length_}; }

private:
    char* data_ = nullptr;
    unsigned int length_ = 0;
};

/// Declares attribute `name` for objects of `kind` (AGRAPH, AGNODE, AGEDGE) with a default
/// value, or changes its default. Throws when cgraph refuses.
Agsym_t* declare_attribute(Agraph_t* graph, int kind, const char* name, const char* default_value);

/// Sets a declared attribute of `object` (a graph, node or edge). Throws when cgraph refuses.
void set_attribute(void* object, Agsym_t* attribute, const std::string& value);

/// As set_attribute, with `html` taken as an HTML-like label (<...> in DOT). Its text must
/// already be escaped (markup.hpp: html_label_text).
void set_html_attribute(Agraph_t* graph, void* object, Agsym_t* attribute, const std::string& html);

/// The font of every text on a map.
inline constexpr const char* k_map_font = "DejaVu Sans";

/// Width and height, in points, of `text` (one line, UTF-8, unescaped) in k_map_font at
/// `font_size` points, as Graphviz measures it when it draws (pango): the height is the line's
/// height (1.2 × the font size). Call holding graphviz_mutex(), with the shared context.
struct TextSize {
    double width = 0.0;
    double height = 0.0;
};
TextSize measure_text(const Context& context, std::string_view text, double font_size);

/// A graph to lay out and nothing else: boxes (or circles) of given sizes and the lines that
/// pull them together.
struct LayoutNode {
    double width = 0.2;  ///< Inches.
    double height = 0.2;
    bool round = false;  ///< A circle of diameter `width`, else a box.
};
struct LayoutEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    double length = 0.0;  ///< Preferred length in inches (neato, fdp); 0: the default.
};
struct LayoutGraph {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
    const char* engine = "neato";  ///< "neato", "sfdp" or "fdp".
    std::uint64_t seed = 1;
    const char* sep = "+10";             ///< Space kept around nodes when overlaps are removed (points).
    const char* default_length = "1.6";  ///< Inches.
    bool pack = false;                   ///< Lay out disconnected parts apart and pack them.
};

/// The centre of each node (inches, y upwards) as `graph.engine` places them, overlaps removed
/// (Prism). Same graph, same positions, whatever was laid out before in the process. Takes
/// graphviz_mutex() itself. Throws bridgemap::Error when Graphviz fails.
std::vector<std::pair<double, double>> run_layout(const LayoutGraph& graph);

}  // namespace bridgemap::viz::detail
