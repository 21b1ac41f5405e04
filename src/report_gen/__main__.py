from report_gen.cli import main

main(prog_name="report-gen")
