#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/generate/network_generator.hpp>
#include <bridgemap/ingest/network_writer.hpp>
#include <bridgemap/model/inventory.hpp>

#include <iostream>
#include <memory>

namespace bridgemap::cli {
namespace {

struct GenerateOptions {
    generate::GeneratorOptions generator;
    std::string out;
    bool progress = false;
};

int run_generate(const GenerateOptions& options) {
    refuse_standard_output("generate --out", options.out);
    Progress progress("generate", options.progress);
    progress.update("generating the network", 0, 0);
    const Network network = generate::generate_network(options.generator);
    progress.update("writing the folder", 0, 0);
    ingest::write_network_folder(network, options.out);
    const Inventory inventory = take_inventory(network);
    progress.finish();
    std::cout << "Wrote " << options.out << ": " << inventory.members << " members, " << inventory.organisations
              << " organisations, " << inventory.events << " events (" << inventory.attendance << " attendance rows), "
              << inventory.groups << " groups, " << inventory.ties << " explicit ties, " << options.generator.first_year
              << "-" << options.generator.first_year + options.generator.years - 1 << ".\n";
    return k_exit_success;
}

}  // namespace

Command add_generate_command(CLI::App& app) {
    auto options = std::make_shared<GenerateOptions>();
    CLI::App* command = app.add_subcommand("generate", "Write a synthetic network folder for trying things out");
    command->footer(
        "The network has a realistic shape: skewed sectors and organisations, cells of 5-15 that lean to one\n"
        "sector, many small events and a few large gatherings a year, homophily in who attends what, and some\n"
        "explicit ties. The same seed gives the same files.");
    command
        ->add_option("--members", options->generator.members,
                     "Number of members (up to 2,000,000; about 1.7 GB of memory per million)")
        ->required()
        ->check(CLI::Range(std::size_t{0}, std::size_t{2'000'000}))
        ->type_name("N");
    command->add_option("--seed", options->generator.seed, "Random seed (default 1)")->type_name("S");
    command->add_option("--out", options->out, "Folder to write (created if missing)")->required()->type_name("DIR");
    command->add_option("--first-year", options->generator.first_year, "First year of events (default 2017)")
        ->check(CLI::Range(1900, 2200))
        ->type_name("YEAR");
    command->add_option("--years", options->generator.years, "Number of years of events (default 8)")
        ->check(CLI::Range(1, 100))
        ->type_name("N");
    add_progress_option(*command, options->progress);
    return {command, [options] { return run_generate(*options); }};
}

}  // namespace bridgemap::cli
