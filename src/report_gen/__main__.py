from report_gen.cli import main

main()
